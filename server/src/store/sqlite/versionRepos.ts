import type { Database } from 'better-sqlite3';
import {
  AppError,
  type DocumentVersion,
  type Publication,
  type Review,
  type Reviewer,
} from '@polisee/domain';
import type { NewVersion, PublicationRepo, ReviewRepo, VersionRepo } from '../ports.js';
import { toBytes } from './rows.js';
import { writeTransaction } from './writeTransaction.js';

interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  name: string | null;
  kind: string;
  created_at: string;
  created_by: string | null;
  contributors: string;
  document_status: string;
  source_version_id: string | null;
  state_vector: string;
  content_hash: string;
}

export function decodeVersion(r: VersionRow): DocumentVersion {
  return {
    id: r.id,
    documentId: r.document_id,
    number: r.number,
    name: r.name,
    kind: r.kind as DocumentVersion['kind'],
    createdAt: r.created_at,
    createdBy: r.created_by,
    contributors:
      r.contributors === '[]'
        ? []
        : (JSON.parse(r.contributors) as DocumentVersion['contributors']),
    documentStatus: r.document_status as DocumentVersion['documentStatus'],
    sourceVersionId: r.source_version_id,
    stateVector: r.state_vector,
    contentHash: r.content_hash,
  };
}

/** Every column but the bytes, which live in `document_version_states`. */
const VERSION_COLUMNS =
  'id, document_id, number, name, kind, created_at, created_by, contributors, document_status, source_version_id, state_vector, content_hash';

export class SqliteVersionRepo implements VersionRepo {
  constructor(private readonly db: Database) {}

  async create(v: NewVersion, state: Uint8Array): Promise<DocumentVersion> {
    // One transaction: the number is the document's next, and a version never lacks its bytes.
    return writeTransaction(this.db, () => {
      const number =
        v.number ??
        (
          this.db
            .prepare(
              'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM document_versions WHERE document_id = ?',
            )
            .get(v.documentId) as { n: number }
        ).n;
      const version: DocumentVersion = { ...v, number };
      this.db
        .prepare(
          `INSERT INTO document_versions (${VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          version.id,
          version.documentId,
          version.number,
          version.name,
          version.kind,
          version.createdAt,
          version.createdBy,
          JSON.stringify(version.contributors),
          version.documentStatus,
          version.sourceVersionId,
          version.stateVector,
          version.contentHash,
        );
      this.db
        .prepare('INSERT INTO document_version_states (version_id, state) VALUES (?, ?)')
        .run(version.id, Buffer.from(state));
      return version;
    });
  }

  async get(id: string) {
    const row = this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM document_versions WHERE id = ?`)
      .get(id) as VersionRow | undefined;
    return row ? decodeVersion(row) : null;
  }

  async list(documentId: string, query: { limit: number; before?: number }) {
    const rows = this.db
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM document_versions
         WHERE document_id = ? AND number < ? ORDER BY number DESC LIMIT ?`,
      )
      .all(documentId, query.before ?? Number.MAX_SAFE_INTEGER, query.limit) as VersionRow[];
    return rows.map(decodeVersion);
  }

  async state(id: string) {
    const row = this.db
      .prepare('SELECT state FROM document_version_states WHERE version_id = ?')
      .get(id) as { state: Buffer } | undefined;
    return row ? toBytes(row.state) : null;
  }
}

interface ReviewRow {
  id: string;
  document_id: string;
  working_group_id: string;
  round: number;
  version_id: string;
  requested_by: string;
  requested_at: string;
  due_date: string;
  message: string;
  state: string;
  closed_at: string | null;
  reminder_sent_at: string | null;
}

interface ReviewerRow {
  review_id: string;
  user_id: string;
  verdict: string | null;
  summary: string | null;
  given_at: string | null;
}

export class SqliteReviewRepo implements ReviewRepo {
  constructor(private readonly db: Database) {}

  /** Rows with their reviewers, in one query for all of them. */
  private withReviewers(rows: ReviewRow[]): Review[] {
    if (rows.length === 0) return [];
    const reviewers = this.db
      .prepare(
        `SELECT review_id, user_id, verdict, summary, given_at FROM review_reviewers
         WHERE review_id IN (${rows.map(() => '?').join(',')}) ORDER BY review_id, position`,
      )
      .all(...rows.map((r) => r.id)) as ReviewerRow[];
    const byReview = new Map<string, Reviewer[]>();
    for (const r of reviewers) {
      const list = byReview.get(r.review_id) ?? [];
      list.push({
        userId: r.user_id,
        verdict: r.verdict as Reviewer['verdict'],
        summary: r.summary,
        givenAt: r.given_at,
      });
      byReview.set(r.review_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      documentId: r.document_id,
      workingGroupId: r.working_group_id,
      round: r.round,
      versionId: r.version_id,
      requestedBy: r.requested_by,
      requestedAt: r.requested_at,
      dueDate: r.due_date,
      message: r.message,
      reviewers: byReview.get(r.id) ?? [],
      state: r.state as Review['state'],
      closedAt: r.closed_at,
      reminderSentAt: r.reminder_sent_at,
    }));
  }

  async create(review: Review) {
    try {
      writeTransaction(this.db, () => {
        if (review.state === 'open') {
          this.db
            .prepare(
              "UPDATE reviews SET state = 'closed', closed_at = ? WHERE document_id = ? AND state = 'open'",
            )
            .run(review.requestedAt, review.documentId);
        }
        this.db
          .prepare(
            `INSERT INTO reviews (id, document_id, working_group_id, round, version_id, requested_by, requested_at, due_date, message, state, closed_at, reminder_sent_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            review.id,
            review.documentId,
            review.workingGroupId,
            review.round,
            review.versionId,
            review.requestedBy,
            review.requestedAt,
            review.dueDate,
            review.message,
            review.state,
            review.closedAt,
            review.reminderSentAt,
          );
        const insert = this.db.prepare(
          `INSERT INTO review_reviewers (review_id, user_id, position, verdict, summary, given_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        );
        review.reviewers.forEach((r, i) =>
          insert.run(review.id, r.userId, i, r.verdict, r.summary, r.givenAt),
        );
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('conflict', 'Another review round was requested at the same time.');
      }
      throw err;
    }
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT * FROM reviews WHERE id = ?').get(id) as
      ReviewRow | undefined;
    return row ? (this.withReviewers([row])[0] ?? null) : null;
  }

  async listForDocument(documentId: string) {
    const rows = this.db
      .prepare('SELECT * FROM reviews WHERE document_id = ? ORDER BY round DESC')
      .all(documentId) as ReviewRow[];
    return this.withReviewers(rows);
  }

  async setVerdict(
    reviewId: string,
    userId: string,
    v: { verdict: Review['reviewers'][number]['verdict']; summary: string; givenAt: string },
  ) {
    const result = this.db
      .prepare(
        `UPDATE review_reviewers SET verdict = ?, summary = ?, given_at = ?
         WHERE review_id = ? AND user_id = ? AND verdict IS NULL`,
      )
      .run(v.verdict, v.summary, v.givenAt, reviewId, userId);
    return result.changes === 1;
  }

  async closeOpen(documentId: string, at: string) {
    this.db
      .prepare(
        "UPDATE reviews SET state = 'closed', closed_at = ? WHERE document_id = ? AND state = 'open'",
      )
      .run(at, documentId);
  }

  async listDueForReminder(dueBy: string) {
    const rows = this.db
      .prepare(
        `SELECT * FROM reviews WHERE state = 'open' AND reminder_sent_at IS NULL AND due_date <= ?
         ORDER BY due_date, id`,
      )
      .all(dueBy) as ReviewRow[];
    return this.withReviewers(rows);
  }

  async markReminded(id: string, at: string) {
    return (
      this.db
        .prepare(
          'UPDATE reviews SET reminder_sent_at = ? WHERE id = ? AND reminder_sent_at IS NULL',
        )
        .run(at, id).changes === 1
    );
  }
}

interface PublicationRow {
  id: string;
  document_id: string;
  version_id: string;
  published_at: string;
  published_by: string;
}

export function decodePublication(r: PublicationRow): Publication {
  return {
    id: r.id,
    documentId: r.document_id,
    versionId: r.version_id,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

export class SqlitePublicationRepo implements PublicationRepo {
  constructor(private readonly db: Database) {}

  async add(p: Publication) {
    this.db
      .prepare(
        'INSERT INTO publications (id, document_id, version_id, published_at, published_by) VALUES (?, ?, ?, ?, ?)',
      )
      .run(p.id, p.documentId, p.versionId, p.publishedAt, p.publishedBy);
  }

  async latest(documentId: string) {
    const row = this.db
      .prepare(
        'SELECT * FROM publications WHERE document_id = ? ORDER BY published_at DESC, id DESC LIMIT 1',
      )
      .get(documentId) as PublicationRow | undefined;
    return row ? decodePublication(row) : null;
  }
}

export type { PublicationRow, VersionRow };
