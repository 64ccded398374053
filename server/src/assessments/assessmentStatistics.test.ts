import { describe, expect, it } from 'vitest';
import { describeScores, effectiveScores, isOutlier } from './assessmentStatistics.js';

describe('describeScores', () => {
  it('gives count, mean, min, max and the population standard deviation', () => {
    const spread = describeScores([2, 4, 4, 4, 5, 5, 7, 9].map((v) => v / 2));
    expect(spread).toMatchObject({ count: 8, mean: 2.5, min: 1, max: 4.5 });
    // Population (divide by n): the textbook 2, 4, 4, 4, 5, 5, 7, 9 has σ = 2, halved here.
    expect(spread.stdDev).toBeCloseTo(1, 12);
  });

  it('is all null for a cell nobody scored, and 0 spread for one score', () => {
    expect(describeScores([])).toEqual({
      count: 0,
      mean: null,
      min: null,
      max: null,
      stdDev: null,
    });
    expect(describeScores([3])).toEqual({ count: 1, mean: 3, min: 3, max: 3, stdDev: 0 });
  });
});

describe('isOutlier', () => {
  it('marks scores more than 1.5 from the mean once a cell has three scores', () => {
    const spread = describeScores([1, 4, 4, 4]); // mean 3.25
    expect(isOutlier(1, spread)).toBe(true); // 2.25 away
    expect(isOutlier(4, spread)).toBe(false); // 0.75 away
    // Exactly 1.5 away is not "more than".
    const edge = describeScores([1, 4, 2.5]); // mean 2.5
    expect(isOutlier(1, edge)).toBe(false);
    expect(isOutlier(4, edge)).toBe(false);
  });

  it('marks nothing in a cell with fewer than three scores', () => {
    const spread = describeScores([1, 5]);
    expect(isOutlier(1, spread)).toBe(false);
    expect(isOutlier(5, spread)).toBe(false);
  });
});

describe('effectiveScores', () => {
  const s = (round: 1 | 2, userId: string, rowId: string, score: number) => ({
    round,
    userId,
    rowId,
    criterionId: 'c',
    score,
  });

  it('takes round 1 as it is', () => {
    const scores = [s(1, 'a', 'r', 2), s(2, 'a', 'r', 5)];
    expect(effectiveScores(scores, 1)).toEqual([s(1, 'a', 'r', 2)]);
  });

  it('takes each scorer’s revision in round 2, else their round-1 score', () => {
    const scores = [s(1, 'a', 'r', 2), s(1, 'a', 'q', 3), s(1, 'b', 'r', 4), s(2, 'a', 'r', 5)];
    expect(effectiveScores(scores, 2)).toEqual(
      expect.arrayContaining([s(2, 'a', 'r', 5), s(1, 'a', 'q', 3), s(1, 'b', 'r', 4)]),
    );
    expect(effectiveScores(scores, 2)).toHaveLength(3);
    // Whatever order the store lists them in.
    expect(effectiveScores([...scores].reverse(), 2)).toHaveLength(3);
    expect(effectiveScores([...scores].reverse(), 2)).toContainEqual(s(2, 'a', 'r', 5));
  });
});
