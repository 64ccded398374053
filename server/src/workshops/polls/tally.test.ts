import { PollResultsSchema } from '@polisee/contracts';
import type { Ballot, Poll } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { tallyPoll } from './tally.js';

const options = [
  { id: 'a', text: 'Skills' },
  { id: 'b', text: 'Green transition' },
  { id: 'c', text: 'Digital services' },
];
const poll = (over: Partial<Poll> = {}): Pick<Poll, 'kind' | 'options' | 'anonymous'> => ({
  kind: 'single',
  options,
  anonymous: true,
  ...over,
});
const ballot = (userId: string, ...pairs: [string, number][]): Ballot => ({
  pollId: 'p',
  userId,
  allocations: pairs.map(([optionId, value]) => ({ optionId, value })),
  castAt: '2026-03-01T10:00:00.000Z',
});
const row = (
  optionId: string,
  total: number,
  voters: number,
  percent: number,
  mean = null as number | null,
) => ({
  optionId,
  total,
  voters,
  percent,
  mean,
});

describe('tallyPoll', () => {
  it('single choice: voters per option and their share, in the poll order', () => {
    const results = tallyPoll(poll(), [
      ballot('u1', ['b', 1]),
      ballot('u2', ['b', 1]),
      ballot('u3', ['a', 1]),
    ]);
    expect(PollResultsSchema.parse(results)).toEqual(results);
    expect(results).toEqual({
      voters: 3,
      options: [row('a', 1, 1, 33.3), row('b', 2, 2, 66.7), row('c', 0, 0, 0)],
      ballots: null,
    });
  });

  it('multiple choice: the share is over every choice made', () => {
    const results = tallyPoll(poll({ kind: 'multiple' }), [
      ballot('u1', ['a', 1], ['b', 1]),
      ballot('u2', ['a', 1], ['c', 1]),
    ]);
    expect(results.voters).toBe(2);
    expect(results.options).toEqual([row('a', 2, 2, 50), row('b', 1, 1, 25), row('c', 1, 1, 25)]);
  });

  it('dots: totals are dots placed, voters those who placed any', () => {
    const results = tallyPoll(poll({ kind: 'dots' }), [
      ballot('u1', ['a', 3], ['c', 2]),
      ballot('u2', ['a', 1], ['b', 1]),
      ballot('u3', ['c', 1]),
    ]);
    expect(results.voters).toBe(3);
    expect(results.options).toEqual([
      row('a', 4, 2, 50),
      row('b', 1, 1, 12.5),
      row('c', 3, 2, 37.5),
    ]);
  });

  it('score: the mean per option, and percent as the mean over the top score', () => {
    const results = tallyPoll(poll({ kind: 'score' }), [
      ballot('u1', ['a', 5], ['b', 2]),
      ballot('u2', ['a', 4], ['b', 3]),
      ballot('u3', ['a', 4]),
    ]);
    expect(PollResultsSchema.parse(results)).toEqual(results);
    expect(results.options).toEqual([
      row('a', 13, 3, 86.7, 4.33),
      row('b', 5, 2, 50, 2.5),
      // Nobody scored it: no mean, rather than a 0 below the scale.
      row('c', 0, 0, 0, null),
    ]);
  });

  it('an empty poll counts zero everywhere, for every kind', () => {
    for (const kind of ['single', 'multiple', 'dots', 'score'] as const) {
      const results = tallyPoll(poll({ kind, anonymous: false }), []);
      expect(results.voters).toBe(0);
      expect(results.options.map((o) => [o.optionId, o.total, o.voters, o.percent])).toEqual([
        ['a', 0, 0, 0],
        ['b', 0, 0, 0],
        ['c', 0, 0, 0],
      ]);
      expect(results.ballots).toEqual([]);
    }
  });

  it('anonymous polls never name a voter; named polls list who voted what, by voter', () => {
    const ballots = [
      ballot('u3', ['c', 1], ['a', 2]),
      ballot('u1', ['b', 3]),
      ballot('u2', ['a', 1]),
    ];
    const anonymous = tallyPoll(poll({ kind: 'dots', anonymous: true }), ballots);
    expect(anonymous.ballots).toBeNull();
    expect(JSON.stringify(anonymous)).not.toMatch(/u1|u2|u3/);

    const named = tallyPoll(poll({ kind: 'dots', anonymous: false }), ballots);
    expect(named.ballots).toEqual([
      { userId: 'u1', allocations: [{ optionId: 'b', value: 3 }] },
      { userId: 'u2', allocations: [{ optionId: 'a', value: 1 }] },
      // In the poll's option order, whatever order the ballot came in.
      {
        userId: 'u3',
        allocations: [
          { optionId: 'a', value: 2 },
          { optionId: 'c', value: 1 },
        ],
      },
    ]);
  });

  it('ignores allocations to options the poll does not have', () => {
    const results = tallyPoll(poll({ anonymous: false }), [
      ballot('u1', ['a', 1]),
      ballot('u2', ['gone', 1]),
    ]);
    expect(results.voters).toBe(1);
    expect(results.options[0]).toEqual(row('a', 1, 1, 100));
    expect(results.options.map((o) => o.optionId)).toEqual(['a', 'b', 'c']);
    expect(results.ballots).toEqual([{ userId: 'u1', allocations: [{ optionId: 'a', value: 1 }] }]);
  });
});
