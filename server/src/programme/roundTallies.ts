import type {
  AssessmentRound,
  MatrixCriterionSnapshot,
  MatrixRowSnapshot,
  MatrixStructure,
} from '@polisee/domain';
import { effectiveScores } from '../assessments/assessmentStatistics.js';
import type { RevealedRound } from '../assessments/store/port.js';
import type { ServiceContext } from '../services/context.js';

/**
 * What a revealed round's scores add up to, per matrix cell and scorer organisation. A revealed
 * round never changes (a score after reveal is refused; round 2 stores scores of its own; the
 * structure is taken at reveal), so each is computed once per process: over 500 assessments the
 * scores are 180,000 rows, which take seconds to read, while their tallies are read in
 * milliseconds. Organisations are kept by id, so a country corrected later shows at once.
 */
export interface RoundTally {
  round: AssessmentRound & { structure: MatrixStructure };
  cells: TallyCell[];
}

export interface TallyCell {
  row: MatrixRowSnapshot;
  criterion: MatrixCriterionSnapshot;
  organisationId: string;
  sum: number;
  count: number;
}

/**
 * The tallies of revealed rounds, kept for the process's life. It grows with the workspace's
 * revealed rounds (a 6 × 6 matrix with ten organisations: at most 360 small entries) and holds
 * no score or rationale of a round still scoring.
 */
export class RoundTallies {
  private readonly byRound = new Map<string, RoundTally>();

  /**
   * Tallies every revealed round in the workspace, a few documents at a time with the event
   * loop free in between, so that the first programme view after a start answers as fast as the
   * next ones (≤ 200 ms over 500 assessments, instead of seconds) without holding up anyone
   * else meanwhile. Started once with the app and not awaited; what it has not reached yet is
   * tallied on demand as before. Returns how many rounds it tallied.
   */
  async warm(ctx: ServiceContext, batchSize = WARM_BATCH_DOCUMENTS): Promise<number> {
    const documents = await ctx.store.documents.list({ includeArchived: true });
    let tallied = 0;
    for (let start = 0; start < documents.length; start += batchSize) {
      await new Promise((resolve) => setImmediate(resolve));
      const ids = documents.slice(start, start + batchSize).map((d) => d.id);
      tallied += (await this.of(ctx, await ctx.store.assessments.listRevealedRounds(ids))).length;
    }
    return tallied;
  }

  /**
   * The tallies of these revealed rounds (as `listRevealedRounds` gives them), in their order;
   * the scores of rounds not seen yet are read in one store call.
   */
  async of(ctx: ServiceContext, rounds: readonly AssessmentRound[]): Promise<RoundTally[]> {
    const missing = [...new Set(rounds.filter((r) => !this.byRound.has(keyOf(r))).map(documentOf))];
    if (missing.length > 0) {
      for (const revealed of await ctx.store.assessments.listRevealed(missing)) {
        const tally = tallyRound(revealed);
        if (tally) this.byRound.set(keyOf(revealed.round), tally);
      }
    }
    return rounds.flatMap((r) => this.byRound.get(keyOf(r)) ?? []);
  }
}

/** Documents read per step of warming: about 20 ms of work on this machine. */
const WARM_BATCH_DOCUMENTS = 20;

/** A round's scores by cell and organisation; null for a round without its structure. */
export function tallyRound({ round, scores }: RevealedRound): RoundTally | null {
  const structure = round.structure;
  if (round.phase !== 'revealed' || !structure) return null;
  const rows = new Map(structure.rows.map((r) => [r.rowId, r]));
  const criteria = new Map(structure.criteria.map((c) => [c.criterionId, c]));
  const cells = new Map<string, TallyCell>();
  for (const score of effectiveScores(scores, round.round)) {
    const row = rows.get(score.rowId);
    const criterion = criteria.get(score.criterionId);
    // A score of a cell the matrix no longer had at reveal is not part of its results.
    if (!row || !criterion) continue;
    const key = `${score.rowId}\u0000${score.criterionId}\u0000${score.organisationId}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { row, criterion, organisationId: score.organisationId, sum: 0, count: 0 };
      cells.set(key, cell);
    }
    cell.sum += score.score;
    cell.count += 1;
  }
  return { round: { ...round, structure }, cells: [...cells.values()] };
}

/** With `revealedAt`: a matrix removed and added again under the same id is another round. */
function keyOf(r: AssessmentRound): string {
  return `${r.documentId}\u0000${r.matrixId}\u0000${r.round}\u0000${r.revealedAt ?? ''}`;
}

function documentOf(r: AssessmentRound): string {
  return r.documentId;
}
