import { WORKSHOP_ERRORS, type PollView, type VoteSchema } from '@polisee/contracts';
import { AppError } from '@polisee/domain';
import type { z } from 'zod';
import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { assertLive, loadJoinedWorkshop, type LiveCaller } from '../live/liveWorkshop.js';
import type { WorkshopRuntime } from '../live/WorkshopRuntime.js';
import { workshopError } from '../live/workshopErrors.js';
import { loadPollView } from './pollViews.js';
import { validateBallot } from './validateBallot.js';

/**
 * A participant votes. The ballot is checked against the poll's rules here, whatever the client
 * allowed, and stored as the voter's one ballot: the same voter again (a double click, a
 * reconnect, a second tab) replaces it, so it counts once. Written under the workshop's lock,
 * so a ballot never lands in a poll being closed. The answer carries the voter's own ballot and
 * nothing of anyone else's.
 */
export async function castBallot(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  vote: z.output<typeof VoteSchema>,
): Promise<PollView> {
  const found = await ctx.store.workshops.getPoll(vote.pollId);
  if (!found) throw new AppError('not_found', 'No such poll.');
  return runtime.locks.run(found.workshopId, async () => {
    const workshop = await loadJoinedWorkshop(ctx, runtime, caller, found.workshopId);
    assertLive(workshop);
    const poll = await ctx.store.workshops.getPoll(vote.pollId);
    const now = ctx.now();
    // Past its time limit a poll takes no ballot, even before the server got round to closing it.
    if (
      !poll ||
      poll.status !== 'open' ||
      (poll.closesAt !== null && now.getTime() >= Date.parse(poll.closesAt))
    ) {
      throw workshopError(WORKSHOP_ERRORS.pollClosed, 'The poll is closed.');
    }
    assertWorkshop(caller.actor, 'workshop.vote', workshop);
    const allocations = validateBallot(poll, vote.allocations);
    await ctx.store.workshops.castBallot({
      pollId: poll.id,
      userId: caller.actor.user.id,
      allocations,
      castAt: now.toISOString(),
    });
    runtime.ballotCast(poll);
    return loadPollView(ctx, poll, caller.actor.user.id);
  });
}
