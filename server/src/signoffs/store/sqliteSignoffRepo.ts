import type { Database } from 'better-sqlite3';
import type { Signatory, SignoffAnswer, SignoffRequest } from '@polisee/domain';
import { json } from '../../store/sqlite/sql.js';
import type { SignoffRepo } from './port.js';
import { writeTransaction } from '../../store/sqlite/writeTransaction.js';

/**
 * Sign-offs on SQLite (tables of the sign-off migration). A request is one row, the organisations it asks
 * a JSON column (only ever read with it); each answer is a row keyed by request and
 * organisation, so "one answer per organisation" is the primary key, and answers are listed in
 * the order they were stored (rowid).
 */

interface RequestRow {
  id: string;
  document_id: string;
  working_group_id: string;
  version_id: string;
  requested_by: string;
  requested_at: string;
  message: string;
  quorum: string;
  required: number;
  organisation_ids: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  lapsed_at: string | null;
}

interface AnswerRow {
  request_id: string;
  organisation_id: string;
  user_id: string;
  answer: string;
  text: string;
  answered_at: string;
}

interface SignatoryRow {
  working_group_id: string;
  organisation_id: string;
  user_id: string;
  set_by: string;
  set_at: string;
}

function decodeAnswer(r: AnswerRow): SignoffAnswer {
  return {
    organisationId: r.organisation_id,
    userId: r.user_id,
    answer: r.answer as SignoffAnswer['answer'],
    text: r.text,
    answeredAt: r.answered_at,
  };
}

function decodeSignatory(r: SignatoryRow): Signatory {
  return {
    workingGroupId: r.working_group_id,
    organisationId: r.organisation_id,
    userId: r.user_id,
    setBy: r.set_by,
    setAt: r.set_at,
  };
}

export class SqliteSignoffRepo implements SignoffRepo {
  constructor(private readonly db: Database) {}

  private withAnswers(rows: RequestRow[]): SignoffRequest[] {
    if (rows.length === 0) return [];
    const answers = this.db
      .prepare(
        `SELECT * FROM signoff_answers WHERE request_id IN (SELECT value FROM json_each(?))
         ORDER BY rowid`,
      )
      .all(json(rows.map((r) => r.id))) as AnswerRow[];
    return rows.map((r) => ({
      id: r.id,
      documentId: r.document_id,
      workingGroupId: r.working_group_id,
      versionId: r.version_id,
      requestedBy: r.requested_by,
      requestedAt: r.requested_at,
      message: r.message,
      quorum: r.quorum as SignoffRequest['quorum'],
      required: r.required,
      organisationIds: JSON.parse(r.organisation_ids) as string[],
      answers: answers.filter((a) => a.request_id === r.id).map(decodeAnswer),
      withdrawnAt: r.withdrawn_at,
      withdrawnBy: r.withdrawn_by,
      lapsedAt: r.lapsed_at,
    }));
  }

  async setSignatory(s: Signatory) {
    this.db
      .prepare(
        `INSERT INTO signatories (working_group_id, organisation_id, user_id, set_by, set_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (working_group_id, organisation_id) DO UPDATE SET
           user_id = excluded.user_id, set_by = excluded.set_by, set_at = excluded.set_at`,
      )
      .run(s.workingGroupId, s.organisationId, s.userId, s.setBy, s.setAt);
  }

  async clearSignatory(workingGroupId: string, organisationId: string) {
    return (
      this.db
        .prepare('DELETE FROM signatories WHERE working_group_id = ? AND organisation_id = ?')
        .run(workingGroupId, organisationId).changes === 1
    );
  }

  async listSignatories(workingGroupId: string) {
    return (
      this.db
        .prepare('SELECT * FROM signatories WHERE working_group_id = ? ORDER BY organisation_id')
        .all(workingGroupId) as SignatoryRow[]
    ).map(decodeSignatory);
  }

  async create(r: SignoffRequest) {
    const insertAnswer = this.db.prepare(
      `INSERT INTO signoff_answers (request_id, organisation_id, user_id, answer, text, answered_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO signoff_requests (id, document_id, working_group_id, version_id, requested_by,
             requested_at, message, quorum, required, organisation_ids, withdrawn_at, withdrawn_by, lapsed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.id,
          r.documentId,
          r.workingGroupId,
          r.versionId,
          r.requestedBy,
          r.requestedAt,
          r.message,
          r.quorum,
          r.required,
          json(r.organisationIds),
          r.withdrawnAt,
          r.withdrawnBy,
          r.lapsedAt,
        );
      for (const a of r.answers) {
        insertAnswer.run(r.id, a.organisationId, a.userId, a.answer, a.text, a.answeredAt);
      }
    });
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT * FROM signoff_requests WHERE id = ?').get(id) as
      RequestRow | undefined;
    return row ? this.withAnswers([row])[0]! : null;
  }

  async listForDocument(documentId: string) {
    const rows = this.db
      .prepare(
        `SELECT * FROM signoff_requests WHERE document_id = ?
         ORDER BY requested_at DESC, rowid DESC`,
      )
      .all(documentId) as RequestRow[];
    return this.withAnswers(rows);
  }

  async latestForDocuments(documentIds: readonly string[]) {
    if (documentIds.length === 0) return [];
    // The newest per document: no other request of the document is newer (the index
    // signoff_requests_by_document answers each probe).
    const rows = this.db
      .prepare(
        `SELECT r.* FROM signoff_requests r
         WHERE r.document_id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM signoff_requests n WHERE n.document_id = r.document_id
             AND (n.requested_at > r.requested_at
               OR (n.requested_at = r.requested_at AND n.rowid > r.rowid)))`,
      )
      .all(json(documentIds)) as RequestRow[];
    return this.withAnswers(rows);
  }

  async addAnswer(requestId: string, a: SignoffAnswer) {
    // One statement: inserted only while the request is live and asks this organisation; the
    // primary key turns a second answer of the organisation into nothing.
    const result = this.db
      .prepare(
        `INSERT INTO signoff_answers (request_id, organisation_id, user_id, answer, text, answered_at)
         SELECT id, ?, ?, ?, ?, ? FROM signoff_requests
         WHERE id = ? AND withdrawn_at IS NULL AND lapsed_at IS NULL
           AND EXISTS (SELECT 1 FROM json_each(organisation_ids) WHERE value = ?)
         ON CONFLICT (request_id, organisation_id) DO NOTHING`,
      )
      .run(a.organisationId, a.userId, a.answer, a.text, a.answeredAt, requestId, a.organisationId);
    return result.changes === 1;
  }

  async withdraw(requestId: string, by: string, at: string) {
    return (
      this.db
        .prepare(
          `UPDATE signoff_requests SET withdrawn_at = ?, withdrawn_by = ?
           WHERE id = ? AND withdrawn_at IS NULL AND lapsed_at IS NULL`,
        )
        .run(at, by, requestId).changes === 1
    );
  }

  async markLapsed(requestId: string, at: string) {
    return (
      this.db
        .prepare(
          `UPDATE signoff_requests SET lapsed_at = ?
           WHERE id = ? AND withdrawn_at IS NULL AND lapsed_at IS NULL`,
        )
        .run(at, requestId).changes === 1
    );
  }
}
