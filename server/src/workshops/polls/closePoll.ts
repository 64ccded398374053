import { WORKSHOP_ERRORS, type PollView } from '@polisee/contracts';
import { AppError, type Poll } from '@polisee/domain';
import { recordAuditEntry } from '../../audit/recordAuditEntry.js';
import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { assertLive, loadJoinedWorkshop, type LiveCaller } from '../live/liveWorkshop.js';
import type { WorkshopRuntime } from '../live/WorkshopRuntime.js';
import { workshopError } from '../live/workshopErrors.js';
import { loadPollView } from './pollViews.js';

/** A facilitator closes a poll: its results go to everyone in the room. */
export async function closePoll(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  pollId: string,
): Promise<PollView> {
  const found = await ctx.store.workshops.getPoll(pollId);
  if (!found) throw new AppError('not_found', 'No such poll.');
  return runtime.locks.run(found.workshopId, async () => {
    const workshop = await loadJoinedWorkshop(ctx, runtime, caller, found.workshopId);
    assertWorkshop(caller.actor, 'workshop.facilitate', workshop);
    assertLive(workshop);
    const poll = await ctx.store.workshops.getPoll(pollId);
    if (!poll || !(await closeOpenPoll(ctx, runtime, poll))) {
      throw workshopError(WORKSHOP_ERRORS.pollClosed, 'The poll is closed already.');
    }
    const closed = await ctx.store.workshops.getPoll(pollId);
    await recordAuditEntry(ctx, {
      action: 'workshop.poll_closed',
      actorId: caller.actor.user.id,
      target: { type: 'workshop', id: found.workshopId },
      details: { pollId },
    });
    return loadPollView(ctx, closed!, caller.actor.user.id);
  });
}

/**
 * Closes an open poll now and broadcasts its result; false when it was closed already (the
 * store lets exactly one caller close it). The caller holds the workshop's lock, so no ballot
 * is being written while it closes.
 */
export async function closeOpenPoll(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  poll: Poll,
): Promise<boolean> {
  if (poll.status !== 'open') return false;
  if (!(await ctx.store.workshops.closePoll(poll.id, ctx.now().toISOString()))) return false;
  runtime.pollClosed(poll);
  return true;
}

/** A poll's time limit passed: the server closes it, as a facilitator would. */
export function closeOverduePoll(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  poll: Pick<Poll, 'id' | 'workshopId'>,
): Promise<boolean> {
  return runtime.locks.run(poll.workshopId, async () => {
    const current = await ctx.store.workshops.getPoll(poll.id);
    return current ? closeOpenPoll(ctx, runtime, current) : false;
  });
}
