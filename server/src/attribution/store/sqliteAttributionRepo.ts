import type { Database } from 'better-sqlite3';
import type { ClientBinding, Contribution } from '@polisee/domain';
import type { AttributionRepo, ContributionFilter } from './port.js';
import { writeTransaction } from '../../store/sqlite/writeTransaction.js';

/**
 * Attribution on SQLite (tables of the attribution migration). A ledger entry is one row, its
 * suggestion ids a JSON column (only ever read with the row); a binding is keyed by document and
 * client id, so `INSERT OR IGNORE` keeps the first.
 */

interface ContributionRow {
  document_id: string;
  user_id: string;
  organisation_id: string;
  country: string;
  at: string;
  kind: string;
  inserted: number;
  deleted: number;
  suggestion_ids: string;
}

interface BindingRow {
  document_id: string;
  client_id: number;
  user_id: string;
  organisation_id: string;
  country: string;
  bound_at: string;
}

const decodeContribution = (r: ContributionRow): Contribution => ({
  documentId: r.document_id,
  userId: r.user_id,
  organisationId: r.organisation_id,
  country: r.country,
  at: r.at,
  kind: r.kind as Contribution['kind'],
  inserted: r.inserted,
  deleted: r.deleted,
  suggestionIds: JSON.parse(r.suggestion_ids) as string[],
});

const decodeBinding = (r: BindingRow): ClientBinding => ({
  documentId: r.document_id,
  clientId: r.client_id,
  userId: r.user_id,
  organisationId: r.organisation_id,
  country: r.country,
  boundAt: r.bound_at,
});

export class SqliteAttributionRepo implements AttributionRepo {
  constructor(private readonly db: Database) {}

  async appendContributions(entries: readonly Contribution[]) {
    const insert = this.db.prepare(
      `INSERT INTO contributions
        (document_id, user_id, organisation_id, country, at, kind, inserted, deleted, suggestion_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    writeTransaction(this.db, () => {
      for (const e of entries)
        insert.run(
          e.documentId,
          e.userId,
          e.organisationId,
          e.country,
          e.at,
          e.kind,
          e.inserted,
          e.deleted,
          JSON.stringify(e.suggestionIds),
        );
    });
  }

  async listContributions({ documentIds, from, to }: ContributionFilter) {
    if (documentIds.length === 0) return [];
    // json_each keeps the statement one shape, whatever the number of documents.
    const rows = this.db
      .prepare(
        `SELECT * FROM contributions
         WHERE document_id IN (SELECT value FROM json_each(?))
           AND (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?)
         ORDER BY at, document_id, user_id, kind, rowid`,
      )
      .all(
        JSON.stringify(documentIds),
        from ?? null,
        from ?? null,
        to ?? null,
        to ?? null,
      ) as ContributionRow[];
    return rows.map(decodeContribution);
  }

  async bindClients(bindings: readonly ClientBinding[]) {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO client_bindings
        (document_id, client_id, user_id, organisation_id, country, bound_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const read = this.db.prepare(
      'SELECT * FROM client_bindings WHERE document_id = ? AND client_id = ?',
    );
    return writeTransaction(this.db, () =>
      bindings.map((b) => {
        insert.run(b.documentId, b.clientId, b.userId, b.organisationId, b.country, b.boundAt);
        return decodeBinding(read.get(b.documentId, b.clientId) as BindingRow);
      }),
    );
  }

  async listBindings(documentId: string) {
    const rows = this.db
      .prepare('SELECT * FROM client_bindings WHERE document_id = ? ORDER BY client_id')
      .all(documentId) as BindingRow[];
    return rows.map(decodeBinding);
  }
}
