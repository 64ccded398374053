import type { Database } from 'better-sqlite3';
import type { AssessmentRound, AssessmentScore } from '@polisee/domain';
import { json } from '../../store/sqlite/sql.js';
import type { AssessmentRepo, MatrixKey } from './port.js';
import { groupRevealed } from './groupRevealed.js';

/**
 * Assessments on SQLite (tables of migration 5). A score is one row keyed by its matrix, round,
 * scorer and cell, so a second score of the same cell is an upsert onto the first; a round is
 * one row whose structure (taken at reveal) is a JSON column.
 */

interface RoundRow {
  document_id: string;
  matrix_id: string;
  round: number;
  phase: string;
  started_at: string;
  revealed_at: string | null;
  revealed_by: string | null;
  structure: string | null;
}

function decodeRound(r: RoundRow): AssessmentRound {
  return {
    documentId: r.document_id,
    matrixId: r.matrix_id,
    round: r.round as AssessmentRound['round'],
    phase: r.phase as AssessmentRound['phase'],
    startedAt: r.started_at,
    revealedAt: r.revealed_at,
    revealedBy: r.revealed_by,
    structure:
      r.structure === null ? null : (JSON.parse(r.structure) as AssessmentRound['structure']),
  };
}

interface ScoreRow {
  document_id: string;
  matrix_id: string;
  round: number;
  user_id: string;
  organisation_id: string;
  row_id: string;
  criterion_id: string;
  score: number;
  rationale: string | null;
  updated_at: string;
}

function decodeScore(r: ScoreRow): AssessmentScore {
  return {
    documentId: r.document_id,
    matrixId: r.matrix_id,
    round: r.round as AssessmentScore['round'],
    userId: r.user_id,
    organisationId: r.organisation_id,
    rowId: r.row_id,
    criterionId: r.criterion_id,
    score: r.score,
    rationale: r.rationale,
    updatedAt: r.updated_at,
  };
}

const SCORE_ORDER = 'ORDER BY round, user_id, row_id, criterion_id';

export class SqliteAssessmentRepo implements AssessmentRepo {
  constructor(private readonly db: Database) {}

  async listRounds(documentId: string, matrixId: string) {
    const rows = this.db
      .prepare(
        'SELECT * FROM assessment_rounds WHERE document_id = ? AND matrix_id = ? ORDER BY round',
      )
      .all(documentId, matrixId) as RoundRow[];
    return rows.map(decodeRound);
  }

  async createRound(r: AssessmentRound) {
    const result = this.db
      .prepare(
        `INSERT INTO assessment_rounds (document_id, matrix_id, round, phase, started_at, revealed_at, revealed_by, structure)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(
        r.documentId,
        r.matrixId,
        r.round,
        r.phase,
        r.startedAt,
        r.revealedAt,
        r.revealedBy,
        r.structure === null ? null : json(r.structure),
      );
    return result.changes === 1;
  }

  async revealRound(
    key: MatrixKey & { round: number },
    reveal: { revealedAt: string; revealedBy: string; structure: AssessmentRound['structure'] },
  ) {
    // Matches only while scoring: of two revealers, one wins.
    const result = this.db
      .prepare(
        `UPDATE assessment_rounds SET phase = 'revealed', revealed_at = ?, revealed_by = ?, structure = ?
         WHERE document_id = ? AND matrix_id = ? AND round = ? AND phase = 'scoring'`,
      )
      .run(
        reveal.revealedAt,
        reveal.revealedBy,
        json(reveal.structure),
        key.documentId,
        key.matrixId,
        key.round,
      );
    return result.changes === 1;
  }

  async putScore(s: AssessmentScore) {
    this.db
      .prepare(
        `INSERT INTO assessment_scores (document_id, matrix_id, round, user_id, organisation_id, row_id, criterion_id, score, rationale, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, matrix_id, round, user_id, row_id, criterion_id) DO UPDATE SET
           organisation_id = excluded.organisation_id, score = excluded.score,
           rationale = excluded.rationale, updated_at = excluded.updated_at`,
      )
      .run(
        s.documentId,
        s.matrixId,
        s.round,
        s.userId,
        s.organisationId,
        s.rowId,
        s.criterionId,
        s.score,
        s.rationale,
        s.updatedAt,
      );
  }

  async deleteScore(k: Parameters<AssessmentRepo['deleteScore']>[0]) {
    const result = this.db
      .prepare(
        `DELETE FROM assessment_scores WHERE document_id = ? AND matrix_id = ? AND round = ?
         AND user_id = ? AND row_id = ? AND criterion_id = ?`,
      )
      .run(k.documentId, k.matrixId, k.round, k.userId, k.rowId, k.criterionId);
    return result.changes === 1;
  }

  async listScores(documentId: string, matrixId: string) {
    const rows = this.db
      .prepare(
        `SELECT * FROM assessment_scores WHERE document_id = ? AND matrix_id = ? ${SCORE_ORDER}`,
      )
      .all(documentId, matrixId) as ScoreRow[];
    return rows.map(decodeScore);
  }

  async listScoresOf(documentId: string, matrixId: string, userId: string) {
    const rows = this.db
      .prepare(
        `SELECT * FROM assessment_scores WHERE document_id = ? AND matrix_id = ? AND user_id = ?
         ${SCORE_ORDER}`,
      )
      .all(documentId, matrixId, userId) as ScoreRow[];
    return rows.map(decodeScore);
  }

  async countScorers(documentId: string, matrixId: string, round: number) {
    return (
      this.db
        .prepare(
          `SELECT COUNT(DISTINCT user_id) AS n FROM assessment_scores
           WHERE document_id = ? AND matrix_id = ? AND round = ?`,
        )
        .get(documentId, matrixId, round) as { n: number }
    ).n;
  }

  async listRevealedRounds(documentIds: readonly string[]) {
    if (documentIds.length === 0) return [];
    return (
      this.db
        .prepare(
          `SELECT * FROM assessment_rounds
           WHERE phase = 'revealed' AND document_id IN (SELECT value FROM json_each(?))
           ORDER BY document_id, matrix_id, round`,
        )
        .all(json(documentIds)) as RoundRow[]
    ).map(decodeRound);
  }

  async listRevealed(documentIds: readonly string[]) {
    if (documentIds.length === 0) return [];
    const ids = json(documentIds);
    // Two statements over the same set of documents; the scores are grouped here by matrix.
    const rounds = await this.listRevealedRounds(documentIds);
    if (rounds.length === 0) return [];
    const scores = (
      this.db
        .prepare(
          `SELECT s.* FROM assessment_scores s
           WHERE s.document_id IN (SELECT value FROM json_each(?))
             AND EXISTS (SELECT 1 FROM assessment_rounds r WHERE r.phase = 'revealed'
               AND r.document_id = s.document_id AND r.matrix_id = s.matrix_id AND r.round >= s.round)
           ORDER BY s.document_id, s.matrix_id, s.round, s.user_id, s.row_id, s.criterion_id`,
        )
        .all(ids) as ScoreRow[]
    ).map(decodeScore);
    return groupRevealed(rounds, scores);
  }

  async listMatrices() {
    return (
      this.db
        .prepare(
          `SELECT document_id, matrix_id FROM assessment_rounds
           UNION SELECT document_id, matrix_id FROM assessment_scores
           ORDER BY document_id, matrix_id`,
        )
        .all() as { document_id: string; matrix_id: string }[]
    ).map((r) => ({ documentId: r.document_id, matrixId: r.matrix_id }));
  }
}
