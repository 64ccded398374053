import type { AssessmentRound, AssessmentScore } from '@polisee/domain';
import { isDuplicateKey } from '../../store/mongo/connection.js';
import { op } from '../../store/mongo/q.js';
import { groupRevealed } from './groupRevealed.js';
import type {
  AssessmentModels,
  AssessmentRoundDoc,
  AssessmentScoreDoc,
} from './mongoAssessmentModels.js';
import type { AssessmentRepo } from './port.js';

/**
 * Assessments on MongoDB. Every write is one single-document operation: a score is an upsert on
 * its natural key, a round is inserted once (the unique key refuses a second) and revealed by
 * an update that matches only while it is scoring.
 */

function toRound(d: AssessmentRoundDoc): AssessmentRound {
  return {
    documentId: d.documentId,
    matrixId: d.matrixId,
    round: d.round,
    phase: d.phase,
    startedAt: d.startedAt,
    revealedAt: d.revealedAt ?? null,
    revealedBy: d.revealedBy ?? null,
    structure: d.structure
      ? {
          rows: (d.structure.rows ?? []).map((r) => ({
            rowId: r.rowId,
            label: r.label ?? '',
            priority: r.priority ?? null,
          })),
          criteria: (d.structure.criteria ?? []).map((c) => ({
            criterionId: c.criterionId,
            label: c.label ?? '',
            dac: c.dac ?? null,
          })),
        }
      : null,
  };
}

function toScore(d: AssessmentScoreDoc): AssessmentScore {
  return {
    documentId: d.documentId,
    matrixId: d.matrixId,
    round: d.round,
    userId: d.userId,
    organisationId: d.organisationId,
    rowId: d.rowId,
    criterionId: d.criterionId,
    score: d.score,
    rationale: d.rationale ?? null,
    updatedAt: d.updatedAt,
  };
}

const SCORE_ORDER = { round: 1, userId: 1, rowId: 1, criterionId: 1 } as const;

export function mongoAssessmentRepo({
  AssessmentRound,
  AssessmentScore,
}: AssessmentModels): AssessmentRepo {
  async function listRevealedRounds(documentIds: readonly string[]) {
    if (documentIds.length === 0) return [];
    return (
      await AssessmentRound.find({
        documentId: op({ $in: [...documentIds] }),
        phase: 'revealed',
      })
        .sort({ documentId: 1, matrixId: 1, round: 1 })
        .lean<AssessmentRoundDoc[]>()
    ).map(toRound);
  }

  return {
    async listRounds(documentId, matrixId) {
      const docs = await AssessmentRound.find({ documentId, matrixId })
        .sort({ round: 1 })
        .lean<AssessmentRoundDoc[]>();
      return docs.map(toRound);
    },
    async createRound(r) {
      try {
        await AssessmentRound.create({ ...r });
        return true;
      } catch (err) {
        // The unique (document, matrix, round) key: the round is there already.
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async revealRound(key, reveal) {
      // Matches only while scoring: of two revealers, one wins.
      const result = await AssessmentRound.updateOne(
        { documentId: key.documentId, matrixId: key.matrixId, round: key.round, phase: 'scoring' },
        { $set: { phase: 'revealed', ...reveal } },
      );
      return result.modifiedCount === 1;
    },

    async putScore(s) {
      const update = () =>
        AssessmentScore.updateOne(
          {
            documentId: s.documentId,
            matrixId: s.matrixId,
            round: s.round,
            userId: s.userId,
            rowId: s.rowId,
            criterionId: s.criterionId,
          },
          {
            $set: {
              organisationId: s.organisationId,
              score: s.score,
              rationale: s.rationale,
              updatedAt: s.updatedAt,
            },
          },
          { upsert: true },
        );
      try {
        await update();
      } catch (err) {
        // Two upserts of one cell at once (two tabs) may both insert: the unique key refuses
        // the second, which then finds the first and replaces it (as ballots do).
        if (!isDuplicateKey(err)) throw err;
        await update();
      }
    },
    async deleteScore(k) {
      const result = await AssessmentScore.deleteOne({
        documentId: k.documentId,
        matrixId: k.matrixId,
        round: k.round,
        userId: k.userId,
        rowId: k.rowId,
        criterionId: k.criterionId,
      });
      return result.deletedCount === 1;
    },
    async listScores(documentId, matrixId) {
      const docs = await AssessmentScore.find({ documentId, matrixId })
        .sort(SCORE_ORDER)
        .lean<AssessmentScoreDoc[]>();
      return docs.map(toScore);
    },
    async listScoresOf(documentId, matrixId, userId) {
      const docs = await AssessmentScore.find({ documentId, matrixId, userId })
        .sort(SCORE_ORDER)
        .lean<AssessmentScoreDoc[]>();
      return docs.map(toScore);
    },
    async countScorers(documentId, matrixId, round) {
      const users = await AssessmentScore.distinct('userId', { documentId, matrixId, round });
      return users.length;
    },

    listRevealedRounds,
    async listRevealed(documentIds) {
      const rounds = await listRevealedRounds(documentIds);
      if (rounds.length === 0) return [];
      // Only the documents that have a revealed round; `groupRevealed` keeps each round's own.
      const revealedDocs = [...new Set(rounds.map((r) => r.documentId))];
      const scores = (
        await AssessmentScore.find({ documentId: op({ $in: revealedDocs }) })
          .sort({ documentId: 1, matrixId: 1, ...SCORE_ORDER })
          .lean<AssessmentScoreDoc[]>()
      ).map(toScore);
      return groupRevealed(rounds, scores);
    },
    async listMatrices() {
      const keys = new Map<string, { documentId: string; matrixId: string }>();
      for (const model of [AssessmentRound, AssessmentScore] as const) {
        const groups = await (model as typeof AssessmentScore).aggregate<{
          _id: { documentId: string; matrixId: string };
        }>([{ $group: { _id: { documentId: '$documentId', matrixId: '$matrixId' } } }]);
        for (const { _id } of groups) keys.set(`${_id.documentId}\u0000${_id.matrixId}`, _id);
      }
      return [...keys.values()].sort((a, b) =>
        a.documentId === b.documentId
          ? compare(a.matrixId, b.matrixId)
          : compare(a.documentId, b.documentId),
      );
    },
  };
}

/** Code-unit order, as SQLite and MongoDB sort strings. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
