import type {
  AssessmentView,
  CellResult,
  MyAssessmentScore,
  RoundResults,
} from '@polisee/contracts';
import type { AssessmentRound, AssessmentScore } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';
import { describeScores, effectiveScores, isOutlier } from './assessmentStatistics.js';

/**
 * What one reader sees of a matrix's scoring. The privacy rule lives here: other scorers'
 * scores are read only for rounds that are revealed; while a round is scoring, the reader gets
 * their own scores and a count of scorers, whoever they are (lead and admins included).
 */

/** The round a matrix is in: its last stored one, or round 1 scoring when none is stored. */
export function currentRound(rounds: readonly AssessmentRound[]): CurrentRound {
  return (
    rounds.at(-1) ?? {
      round: 1,
      phase: 'scoring',
      startedAt: null,
      revealedAt: null,
      revealedBy: null,
    }
  );
}

type CurrentRound = Pick<AssessmentRound, 'round' | 'phase' | 'revealedAt' | 'revealedBy'> & {
  /** Null while round 1 is not stored yet. */
  startedAt: string | null;
};

export async function loadAssessmentView(
  ctx: ServiceContext,
  userId: string,
  documentId: string,
  matrixId: string,
): Promise<AssessmentView> {
  const rounds = await ctx.store.assessments.listRounds(documentId, matrixId);
  const current = currentRound(rounds);
  const revealed = rounds.filter(
    (r): r is AssessmentRound & { structure: NonNullable<AssessmentRound['structure']> } =>
      r.phase === 'revealed' && r.structure !== null,
  );
  const [scorerCount, mine, all] = await Promise.all([
    ctx.store.assessments.countScorers(documentId, matrixId, current.round),
    ctx.store.assessments.listScoresOf(documentId, matrixId, userId),
    // Everyone's scores only when a round is revealed: nothing else reads them.
    revealed.length > 0 ? ctx.store.assessments.listScores(documentId, matrixId) : [],
  ]);
  return {
    documentId,
    matrixId,
    round: current.round,
    phase: current.phase,
    startedAt: current.startedAt,
    revealedAt: current.revealedAt,
    revealedBy: current.revealedBy,
    scorerCount,
    myScores: myScoresIn(mine, current.round),
    results: await Promise.all(
      revealed.map((r) =>
        roundResults(
          ctx,
          r,
          // A revealed round's results never read a later round's scores.
          effectiveScores(
            all.filter((s) => s.round <= r.round),
            r.round,
          ),
        ),
      ),
    ),
  };
}

function myScoresIn(
  mine: readonly AssessmentScore[],
  round: AssessmentRound['round'],
): MyAssessmentScore[] {
  return effectiveScores(mine, round)
    .map((s) => ({
      rowId: s.rowId,
      criterionId: s.criterionId,
      score: s.score,
      rationale: s.rationale,
      round: s.round,
      updatedAt: s.updatedAt,
    }))
    .sort((a, b) => compare(a.rowId, b.rowId) || compare(a.criterionId, b.criterionId));
}

/** Scorers' names and every organisation, for the breakdown (a matrix has tens of scorers). */
async function loadPeople(ctx: ServiceContext, scores: readonly AssessmentScore[]) {
  const userIds = [...new Set(scores.map((s) => s.userId))];
  const [users, organisations] = await Promise.all([
    Promise.all(userIds.map((id) => ctx.store.users.get(id))),
    ctx.store.organisations.list(),
  ]);
  return {
    names: new Map(users.flatMap((u) => (u ? [[u.id, u.name] as const] : []))),
    organisations: new Map(organisations.map((o) => [o.id, o])),
  };
}

async function roundResults(
  ctx: ServiceContext,
  round: AssessmentRound & { structure: NonNullable<AssessmentRound['structure']> },
  scores: AssessmentScore[],
): Promise<RoundResults> {
  const { names, organisations } = await loadPeople(ctx, scores);
  const byCell = new Map<string, AssessmentScore[]>();
  for (const s of scores) {
    const key = `${s.rowId}\u0000${s.criterionId}`;
    const list = byCell.get(key) ?? [];
    list.push(s);
    byCell.set(key, list);
  }
  const cells: CellResult[] = [];
  const counted = new Set<string>();
  // The cells are those of the matrix at reveal: a score of a row deleted before then is left out.
  for (const row of round.structure.rows) {
    for (const criterion of round.structure.criteria) {
      const cellScores = byCell.get(`${row.rowId}\u0000${criterion.criterionId}`) ?? [];
      const spread = describeScores(cellScores.map((s) => s.score));
      cells.push({
        rowId: row.rowId,
        criterionId: criterion.criterionId,
        ...spread,
        scores: cellScores
          .map((s) => {
            counted.add(s.userId);
            // The organisation the score was given for, which stays if the user moves on.
            const org = organisations.get(s.organisationId);
            return {
              userId: s.userId,
              name: names.get(s.userId) ?? '',
              organisationId: s.organisationId,
              organisationName: org?.name ?? '',
              country: org?.country ?? '',
              score: s.score,
              rationale: s.rationale,
              outlier: isOutlier(s.score, spread),
            };
          })
          .sort(
            (a, b) =>
              compare(a.organisationName, b.organisationName) ||
              compare(a.name, b.name) ||
              compare(a.userId, b.userId),
          ),
      });
    }
  }
  return {
    round: round.round,
    revealedAt: round.revealedAt ?? round.startedAt,
    structure: round.structure,
    scorerCount: counted.size,
    cells,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
