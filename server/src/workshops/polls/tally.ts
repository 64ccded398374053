import type { PollOptionResult, PollResults } from '@polisee/contracts';
import type { Ballot, BallotAllocation, Poll } from '@polisee/domain';
import { MAX_SCORE } from './validateBallot.js';

/**
 * A poll's results from its ballots: per option (in the poll's order) the total, the voters who
 * gave it anything, its percent and, for score polls, the mean score. Pure, so the live session,
 * the REST routes and the outcome written into the notes all count the same way.
 *  - single, multiple, dots: percent is the option's share of all options' totals;
 *  - score: percent is the mean score over the top score (a mean of 4 of 5 is 80);
 *  - `ballots` (who voted what) only when the poll is named, ordered by voter; anonymous polls
 *    never carry it, whoever asks.
 * Allocations to options the poll does not have are ignored: ballots are validated when cast,
 * and a count must never grow an option nobody can see.
 */
export function tallyPoll(
  poll: Pick<Poll, 'kind' | 'options' | 'anonymous'>,
  ballots: readonly Ballot[],
): PollResults {
  const known = new Map(poll.options.map((o, i) => [o.id, i]));
  const totals = poll.options.map(() => 0);
  const voters = poll.options.map(() => 0);
  let counted = 0;
  for (const ballot of ballots) {
    let gave = false;
    for (const { optionId, value } of ballot.allocations) {
      const at = known.get(optionId);
      if (at === undefined || value <= 0) continue;
      totals[at]! += value;
      voters[at]! += 1;
      gave = true;
    }
    if (gave) counted += 1;
  }
  const sum = totals.reduce((a, b) => a + b, 0);
  const options: PollOptionResult[] = poll.options.map((option, i) => {
    const total = totals[i]!;
    const optionVoters = voters[i]!;
    if (poll.kind === 'score') {
      // Nobody scored it: there is no mean (0 would read as a score below the scale).
      const mean = optionVoters === 0 ? null : round(total / optionVoters, 2);
      return {
        optionId: option.id,
        total,
        voters: optionVoters,
        percent: mean === null ? 0 : round((total / optionVoters / MAX_SCORE) * 100, 1),
        mean,
      };
    }
    return {
      optionId: option.id,
      total,
      voters: optionVoters,
      percent: sum === 0 ? 0 : round((total / sum) * 100, 1),
      mean: null,
    };
  });
  return {
    voters: counted,
    options,
    ballots: poll.anonymous ? null : namedBallots(ballots, known),
  };
}

function namedBallots(
  ballots: readonly Ballot[],
  known: ReadonlyMap<string, number>,
): { userId: string; allocations: BallotAllocation[] }[] {
  return ballots
    .map((b) => ({
      userId: b.userId,
      allocations: b.allocations
        .filter((a) => known.has(a.optionId) && a.value > 0)
        .sort((x, y) => known.get(x.optionId)! - known.get(y.optionId)!)
        .map(({ optionId, value }) => ({ optionId, value })),
    }))
    .filter((b) => b.allocations.length > 0)
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
