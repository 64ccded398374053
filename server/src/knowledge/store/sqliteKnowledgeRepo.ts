import type { Database } from 'better-sqlite3';
import type { DocumentLink, KnowledgeRepo, LinkScope } from './port.js';
import { writeTransaction } from '../../store/sqlite/writeTransaction.js';

/** The knowledge base on SQLite (tables of the knowledge migration): links and summaries. */
export class SqliteKnowledgeRepo implements KnowledgeRepo {
  constructor(private readonly db: Database) {}

  async replaceLinks(fromDocumentId: string, scope: LinkScope, toDocumentIds: readonly string[]) {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO document_links (from_document_id, scope, to_document_id) VALUES (?, ?, ?)',
    );
    // One transaction: a reader sees the old links or the new ones, never half of each.
    writeTransaction(this.db, () => {
      this.db
        .prepare('DELETE FROM document_links WHERE from_document_id = ? AND scope = ?')
        .run(fromDocumentId, scope);
      for (const to of toDocumentIds) insert.run(fromDocumentId, scope, to);
    });
  }

  async linksTo(toDocumentId: string) {
    const rows = this.db
      .prepare(
        `SELECT from_document_id, scope, to_document_id FROM document_links
         WHERE to_document_id = ? ORDER BY from_document_id, scope`,
      )
      .all(toDocumentId) as {
      from_document_id: string;
      scope: LinkScope;
      to_document_id: string;
    }[];
    return rows.map((r): DocumentLink => ({
      fromDocumentId: r.from_document_id,
      scope: r.scope,
      toDocumentId: r.to_document_id,
    }));
  }

  async putSummary(versionId: string, summary: string) {
    this.db
      .prepare(
        `INSERT INTO knowledge_summaries (version_id, summary) VALUES (?, ?)
         ON CONFLICT (version_id) DO UPDATE SET summary = excluded.summary`,
      )
      .run(versionId, summary);
  }

  async summaries(versionIds: readonly string[]) {
    const found = new Map<string, string>();
    if (versionIds.length === 0) return found;
    const rows = this.db
      .prepare(
        `SELECT version_id, summary FROM knowledge_summaries
         WHERE version_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(versionIds)) as { version_id: string; summary: string }[];
    for (const r of rows) found.set(r.version_id, r.summary);
    return found;
  }
}
