import { describe, expect, it } from 'vitest';
import {
  allocationsOf,
  ballotProblem,
  choose,
  dotsLeft,
  draftFromBallot,
  maxDotsFor,
  setValue,
  type BallotRules,
} from './ballot';

const options = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Beta' },
  { id: 'c', text: 'Gamma' },
];
const rules = (kind: BallotRules['kind'], dots: number | null = null, cap: number | null = null) =>
  ({ kind, options, dots, maxDotsPerOption: cap }) satisfies BallotRules;

describe('single choice', () => {
  it('holds one option, replaced by the next choice', () => {
    const single = rules('single');
    let draft = choose(single, {}, 'a', true);
    draft = choose(single, draft, 'c', true);
    expect(allocationsOf(single, draft)).toEqual([{ optionId: 'c', value: 1 }]);
    expect(ballotProblem(single, draft)).toBeNull();
    expect(ballotProblem(single, {})).toBe('empty');
    expect(ballotProblem(single, { a: 1, b: 1 })).toBe('tooManyChoices');
  });
});

describe('multiple choice', () => {
  it('toggles options and sends them in the poll’s order', () => {
    const multiple = rules('multiple');
    let draft = choose(multiple, {}, 'c', true);
    draft = choose(multiple, draft, 'a', true);
    draft = choose(multiple, draft, 'b', true);
    draft = choose(multiple, draft, 'b', false);
    expect(allocationsOf(multiple, draft)).toEqual([
      { optionId: 'a', value: 1 },
      { optionId: 'c', value: 1 },
    ]);
    expect(ballotProblem(multiple, draft)).toBeNull();
  });
});

describe('dot voting', () => {
  it('counts the dots left and never places more than there are', () => {
    const dots = rules('dots', 5);
    let draft = setValue(dots, {}, 'a', 3);
    expect(dotsLeft(dots, draft)).toBe(2);
    draft = setValue(dots, draft, 'b', 4);
    expect(draft).toEqual({ a: 3, b: 2 });
    expect(dotsLeft(dots, draft)).toBe(0);
    expect(allocationsOf(dots, draft)).toEqual([
      { optionId: 'a', value: 3 },
      { optionId: 'b', value: 2 },
    ]);
    draft = setValue(dots, draft, 'a', 0);
    expect(draft).toEqual({ b: 2 });
  });

  it('keeps each option under the cap', () => {
    const capped = rules('dots', 6, 2);
    expect(maxDotsFor(capped, {}, 'a')).toBe(2);
    expect(setValue(capped, {}, 'a', 5)).toEqual({ a: 2 });
    expect(ballotProblem(capped, { a: 3 })).toBe('overCap');
    expect(ballotProblem(rules('dots', 3), { a: 2, b: 2 })).toBe('overDots');
    expect(ballotProblem(capped, { a: 2, b: 2, c: 2 })).toBeNull();
  });
});

describe('score', () => {
  it('scores each option 1 to 5 and leaves unscored ones out', () => {
    const score = rules('score');
    let draft = setValue(score, {}, 'a', 4);
    draft = setValue(score, draft, 'b', 9);
    expect(draft).toEqual({ a: 4, b: 5 });
    expect(allocationsOf(score, draft)).toEqual([
      { optionId: 'a', value: 4 },
      { optionId: 'b', value: 5 },
    ]);
    expect(ballotProblem(score, { a: 6 })).toBe('outOfRange');
    expect(ballotProblem(score, {})).toBe('empty');
  });
});

describe('draftFromBallot', () => {
  it('starts from the ballot the server holds, so a vote can be changed', () => {
    expect(draftFromBallot([{ optionId: 'b', value: 2 }])).toEqual({ b: 2 });
    expect(draftFromBallot(null)).toEqual({});
  });
});
