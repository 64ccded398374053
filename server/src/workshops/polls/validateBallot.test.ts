import { WORKSHOP_ERRORS } from '@polisee/contracts';
import { AppError, type BallotAllocation, type Poll } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { validateBallot } from './validateBallot.js';

const options = [
  { id: 'a', text: 'Skills' },
  { id: 'b', text: 'Green transition' },
  { id: 'c', text: 'Digital services' },
];
const poll = (over: Partial<Poll> = {}) => ({
  kind: 'single' as const,
  options,
  dots: null,
  maxDotsPerOption: null,
  ...over,
});
const give = (...pairs: [string, number][]): BallotAllocation[] =>
  pairs.map(([optionId, value]) => ({ optionId, value }));

/** The workshop code a refusal carries (its `reason`). */
function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err.reason;
    throw err;
  }
  return undefined;
}

describe('ballot rules', () => {
  it('single choice: exactly one option, worth 1', () => {
    expect(validateBallot(poll(), give(['b', 1]))).toEqual(give(['b', 1]));
    expect(refusal(() => validateBallot(poll(), give(['a', 1], ['b', 1])))).toBe(
      WORKSHOP_ERRORS.overLimit,
    );
    expect(refusal(() => validateBallot(poll(), give(['a', 2])))).toBe(
      WORKSHOP_ERRORS.invalidBallot,
    );
  });

  it('multiple choice: one or more distinct options, each worth 1', () => {
    const multiple = poll({ kind: 'multiple' });
    expect(validateBallot(multiple, give(['c', 1], ['a', 1]))).toEqual(give(['a', 1], ['c', 1]));
    expect(refusal(() => validateBallot(multiple, give(['a', 1], ['a', 1])))).toBe(
      WORKSHOP_ERRORS.invalidBallot,
    );
    expect(refusal(() => validateBallot(multiple, give(['a', 3])))).toBe(
      WORKSHOP_ERRORS.invalidBallot,
    );
  });

  it('dots: no more than the dots in all, nor the cap on one option', () => {
    const dots = poll({ kind: 'dots', dots: 5, maxDotsPerOption: 3 });
    expect(validateBallot(dots, give(['a', 3], ['b', 2]))).toEqual(give(['a', 3], ['b', 2]));
    expect(validateBallot(dots, give(['c', 1]))).toEqual(give(['c', 1]));
    expect(refusal(() => validateBallot(dots, give(['a', 3], ['b', 2], ['c', 1])))).toBe(
      WORKSHOP_ERRORS.overLimit,
    );
    expect(refusal(() => validateBallot(dots, give(['a', 4])))).toBe(WORKSHOP_ERRORS.overLimit);
    // Without a cap, every dot may go on one option.
    const uncapped = poll({ kind: 'dots', dots: 5 });
    expect(validateBallot(uncapped, give(['a', 5]))).toEqual(give(['a', 5]));
  });

  it('score: every value from 1 to 5', () => {
    const score = poll({ kind: 'score' });
    expect(validateBallot(score, give(['a', 5], ['b', 1], ['c', 3]))).toHaveLength(3);
    expect(refusal(() => validateBallot(score, give(['a', 6])))).toBe(WORKSHOP_ERRORS.overLimit);
  });

  it('refuses an option the poll does not have, a repeated option and an empty ballot', () => {
    expect(refusal(() => validateBallot(poll(), give(['zz', 1])))).toBe(
      WORKSHOP_ERRORS.unknownOption,
    );
    expect(refusal(() => validateBallot(poll({ kind: 'score' }), give(['a', 2], ['a', 3])))).toBe(
      WORKSHOP_ERRORS.invalidBallot,
    );
    expect(refusal(() => validateBallot(poll({ kind: 'multiple' }), []))).toBe(
      WORKSHOP_ERRORS.invalidBallot,
    );
  });

  it('stores a ballot the same whatever order its options came in', () => {
    const score = poll({ kind: 'score' });
    expect(validateBallot(score, give(['c', 2], ['a', 4]))).toEqual(
      validateBallot(score, give(['a', 4], ['c', 2])),
    );
  });
});
