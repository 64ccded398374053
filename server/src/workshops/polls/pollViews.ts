import type { PollView } from '@polisee/contracts';
import type { Ballot, BallotAllocation, Poll } from '@polisee/domain';
import type { ServiceContext } from '../../services/context.js';
import { tallyPoll } from './tally.js';

/**
 * Whether a poll's tally may leave the server: once it is closed, or while open when the
 * facilitator chose "show live". Before that nothing of anyone's ballot is sent to anyone,
 * facilitators included (decision 0047).
 */
export function resultsVisible(poll: Poll): boolean {
  return poll.status === 'closed' || poll.showLive;
}

/**
 * A poll as one reader sees it: the tally only when visible, and `yourBallot` only the reader's
 * own (null for a broadcast, `readerId` null). Who voted what is never sent while the poll is
 * open, even shown live, and never for an anonymous poll.
 */
export function toPollView(
  poll: Poll,
  ballots: readonly Ballot[] | null,
  yourBallot: BallotAllocation[] | null,
): PollView {
  let results: PollView['results'] = null;
  if (resultsVisible(poll) && ballots) {
    const tally = tallyPoll(poll, [...ballots]);
    results = {
      ...tally,
      ballots: poll.status === 'closed' && !poll.anonymous ? tally.ballots : null,
    };
  }
  return { ...poll, results, yourBallot };
}

/** Reads what `toPollView` needs: every ballot only when the tally is visible. */
export async function loadPollView(
  ctx: ServiceContext,
  poll: Poll,
  readerId: string | null,
): Promise<PollView> {
  const ballots = resultsVisible(poll) ? await ctx.store.workshops.listBallots(poll.id) : null;
  let yourBallot: BallotAllocation[] | null = null;
  if (readerId !== null) {
    const own = ballots
      ? ballots.find((b) => b.userId === readerId)
      : await ctx.store.workshops.getBallot(poll.id, readerId);
    yourBallot = own?.allocations ?? null;
  }
  return toPollView(poll, ballots, yourBallot);
}

/** Every poll of a workshop as the reader sees it, oldest first. */
export async function loadPollViews(
  ctx: ServiceContext,
  workshopId: string,
  readerId: string,
): Promise<PollView[]> {
  const polls = await ctx.store.workshops.listPolls(workshopId);
  return Promise.all(polls.map((poll) => loadPollView(ctx, poll, readerId)));
}
