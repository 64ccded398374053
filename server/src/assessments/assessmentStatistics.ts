import type { AssessmentRoundNumber } from '@polisee/domain';

/**
 * The pure maths of a revealed assessment: per-cell statistics, outliers, and which score of
 * each scorer counts in a round.
 */

/** A score this far from its cell's mean (strictly more) is an outlier… */
export const OUTLIER_DISTANCE = 1.5;
/** …when the cell has at least this many scores: with two, each is as far from the mean as the other. */
export const OUTLIER_MIN_SCORES = 3;

export interface CellSpread {
  count: number;
  /** Null when nobody scored the cell. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation: the scorers are the whole population, not a sample. */
  stdDev: number | null;
}

export function describeScores(values: readonly number[]): CellSpread {
  const count = values.length;
  if (count === 0) return { count, mean: null, min: null, max: null, stdDev: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / count;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { count, mean, min, max, stdDev: Math.sqrt(squares / count) };
}

/** More than `OUTLIER_DISTANCE` from the mean, in a cell with at least `OUTLIER_MIN_SCORES`. */
export function isOutlier(value: number, spread: CellSpread): boolean {
  if (spread.mean === null || spread.count < OUTLIER_MIN_SCORES) return false;
  return Math.abs(value - spread.mean) > OUTLIER_DISTANCE;
}

interface RoundScore {
  round: AssessmentRoundNumber;
  userId: string;
  rowId: string;
  criterionId: string;
}

/**
 * The scores that count in `round`: round 1's own; in round 2 each scorer's round-2 score of a
 * cell, or their round-1 score of it where they did not revise it (the Delphi round starts
 * from everyone's first answer).
 */
export function effectiveScores<T extends RoundScore>(
  scores: readonly T[],
  round: AssessmentRoundNumber,
): T[] {
  if (round === 1) return scores.filter((s) => s.round === 1);
  const byCell = new Map<string, T>();
  for (const s of scores) {
    const key = `${s.userId}\u0000${s.rowId}\u0000${s.criterionId}`;
    const held = byCell.get(key);
    if (!held || s.round > held.round) byCell.set(key, s);
  }
  return [...byCell.values()];
}
