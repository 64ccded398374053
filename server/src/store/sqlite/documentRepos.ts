import type { Database } from 'better-sqlite3';
import type { Activity, PoliDocument } from '@polisee/domain';
import type {
  ActivityRepo,
  DocumentFilterQuery,
  DocumentRepo,
  DocumentStateRepo,
  StoredDocumentState,
} from '../ports.js';
import { Assignments, Conditions, json } from './sql.js';
import {
  decodeActivity,
  decodeDocument,
  toBytes,
  type ActivityRow,
  type DocumentRow,
} from './rows.js';
import { writeTransaction } from './writeTransaction.js';

export class SqliteDocumentRepo implements DocumentRepo {
  constructor(private readonly db: Database) {}

  async create(doc: PoliDocument, initialState: Uint8Array) {
    // Metadata and initial content in one transaction: a document never exists without its state.
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO documents (id, title, kind, working_group_id, thematic_priorities, countries, tags, language, status, owner_ids, suggest_only_ids, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          doc.id,
          doc.title,
          doc.kind,
          doc.workingGroupId,
          JSON.stringify(doc.thematicPriorities),
          JSON.stringify(doc.countries),
          JSON.stringify(doc.tags),
          doc.language,
          doc.status,
          JSON.stringify(doc.ownerIds),
          JSON.stringify(doc.suggestOnlyIds),
          doc.createdBy,
          doc.createdAt,
          doc.updatedAt,
        );
      this.db
        .prepare('INSERT INTO document_snapshots (document_id, state, last_seq) VALUES (?, ?, 0)')
        .run(doc.id, Buffer.from(initialState));
    });
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as
      DocumentRow | undefined;
    return row ? decodeDocument(row) : null;
  }

  async list(f: DocumentFilterQuery) {
    const where = new Conditions();
    if (f.workingGroupIds) {
      if (f.workingGroupIds.length === 0) return [];
      where.in('working_group_id', f.workingGroupIds);
    }
    if (f.workingGroupId) where.add('working_group_id = ?', f.workingGroupId);
    if (f.kind) where.add('kind = ?', f.kind);
    if (f.status) where.add('status = ?', f.status);
    else if (!f.includeArchived) where.add("status <> 'archived'");
    // JSON arrays are matched with json_each so "financing" never matches a substring of another id.
    if (f.priority)
      where.add(
        'EXISTS (SELECT 1 FROM json_each(thematic_priorities) WHERE value = ?)',
        f.priority,
      );
    if (f.country)
      where.add('EXISTS (SELECT 1 FROM json_each(countries) WHERE value = ?)', f.country);
    const sql = `SELECT * FROM documents ${where} ORDER BY updated_at DESC, id`;
    return (this.db.prepare(sql).all(...where.values) as DocumentRow[]).map(decodeDocument);
  }

  async update(id: string, patch: Parameters<DocumentRepo['update']>[1]) {
    const set = new Assignments()
      .set('title', patch.title)
      .set('thematic_priorities', patch.thematicPriorities, json)
      .set('countries', patch.countries, json)
      .set('tags', patch.tags, json)
      .set('status', patch.status)
      .set('suggest_only_ids', patch.suggestOnlyIds, json)
      .set('updated_at', patch.updatedAt);
    if (set.empty) return;
    this.db.prepare(`UPDATE documents SET ${set} WHERE id = ?`).run(...set.values, id);
  }
}

/**
 * The document state repo's statements, prepared once rather than per call. A join loads and
 * every ~50 ms of editing appends; a statement prepared per call holds ~3 KB of native memory
 * until the garbage collector happens to free its small JS wrapper (V8 does not see that
 * memory, so nothing hurries it): with 1,000 documents opening, megabytes of RSS.
 */
function prepareStateStatements(db: Database) {
  return {
    lastSeq: db.prepare(
      `SELECT MAX(seq) AS seq FROM (
         SELECT MAX(seq) AS seq FROM document_updates WHERE document_id = ?
         UNION ALL SELECT last_seq FROM document_snapshots WHERE document_id = ?)`,
    ),
    insertUpdate: db.prepare(
      'INSERT INTO document_updates (document_id, seq, update_bytes) VALUES (?, ?, ?)',
    ),
    documentExists: db.prepare('SELECT 1 FROM documents WHERE id = ?'),
    snapshot: db.prepare('SELECT state, last_seq FROM document_snapshots WHERE document_id = ?'),
    updatesAfter: db.prepare(
      'SELECT seq, update_bytes FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
    ),
    // The same rule as MongoDB's: only over a snapshot that covers less, and when fenced, only
    // over one written under an older token (the DO UPDATE's WHERE leaves the row as it is).
    upsertSnapshot: db.prepare(
      `INSERT INTO document_snapshots (document_id, state, last_seq, compact_fence)
       VALUES (@documentId, @state, @upToSeq, @fence)
       ON CONFLICT (document_id) DO UPDATE
         SET state = excluded.state, last_seq = excluded.last_seq,
             compact_fence = max(document_snapshots.compact_fence, excluded.compact_fence)
         WHERE document_snapshots.last_seq < excluded.last_seq
           AND (@fenced = 0 OR document_snapshots.compact_fence < excluded.compact_fence)`,
    ),
    deleteUpdatesUpTo: db.prepare(
      'DELETE FROM document_updates WHERE document_id = ? AND seq <= ?',
    ),
  };
}

export class SqliteDocumentStateRepo implements DocumentStateRepo {
  private readonly sql: ReturnType<typeof prepareStateStatements>;

  /** `db` must be migrated already (SqliteStore migrates before it builds its repos). */
  constructor(private readonly db: Database) {
    this.sql = prepareStateStatements(db);
  }

  async append(documentId: string, updates: Uint8Array[]) {
    const { lastSeq, insertUpdate } = this.sql;
    return writeTransaction(this.db, () => {
      const row = lastSeq.get(documentId, documentId) as { seq: number | null };
      let seq = row.seq ?? 0;
      for (const u of updates) insertUpdate.run(documentId, ++seq, Buffer.from(u));
      return seq;
    });
  }

  async load(documentId: string): Promise<StoredDocumentState | null> {
    const { documentExists, snapshot, updatesAfter } = this.sql;
    return this.db.transaction(() => {
      if (!documentExists.get(documentId)) return null;
      const snap = snapshot.get(documentId) as { state: Buffer; last_seq: number } | undefined;
      const snapshotSeq = snap?.last_seq ?? 0;
      const rows = updatesAfter.all(documentId, snapshotSeq) as {
        seq: number;
        update_bytes: Buffer;
      }[];
      return {
        snapshot: snap ? toBytes(snap.state) : null,
        snapshotSeq,
        updates: rows.map((r) => ({ seq: r.seq, update: toBytes(r.update_bytes) })),
      };
    })();
  }

  async compact(documentId: string, snapshot: Uint8Array, upToSeq: number, fence?: number) {
    const { upsertSnapshot, deleteUpdatesUpTo } = this.sql;
    // One transaction: a crash leaves either the old snapshot and log, or the new snapshot.
    return writeTransaction(this.db, () => {
      const { changes } = upsertSnapshot.run({
        documentId,
        state: Buffer.from(snapshot),
        upToSeq,
        fence: fence ?? 0,
        fenced: fence === undefined ? 0 : 1,
      });
      if (changes === 0) return false;
      deleteUpdatesUpTo.run(documentId, upToSeq);
      return true;
    });
  }
}

export class SqliteActivityRepo implements ActivityRepo {
  constructor(private readonly db: Database) {}

  async add(a: Activity) {
    this.db
      .prepare(
        `INSERT INTO activity (id, type, actor_id, actor_name, working_group_id, document_id, document_title, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.id,
        a.type,
        a.actorId,
        a.actorName,
        a.workingGroupId,
        a.documentId,
        a.documentTitle,
        a.at,
      );
  }

  async list(q: { workingGroupIds?: string[]; documentId?: string; limit: number }) {
    const where = new Conditions();
    if (q.workingGroupIds) {
      if (q.workingGroupIds.length === 0) return [];
      where.in('working_group_id', q.workingGroupIds);
    }
    if (q.documentId) where.add('document_id = ?', q.documentId);
    const sql = `SELECT * FROM activity ${where} ORDER BY at DESC, id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...where.values, q.limit) as ActivityRow[]).map(
      decodeActivity,
    );
  }
}
