import type { OpenPollSchema, PollView } from '@polisee/contracts';
import type { Poll, PollSource } from '@polisee/domain';
import type { z } from 'zod';
import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { itemIndex } from '../live/agenda.js';
import { assertLive, loadJoinedWorkshop, type LiveCaller } from '../live/liveWorkshop.js';
import type { WorkshopRuntime } from '../live/WorkshopRuntime.js';
import { checkPollSource } from './checkPollSource.js';
import { loadPollView } from './pollViews.js';

/**
 * A facilitator opens a poll in the live workshop. Its options get ids here (the ballots name
 * them), except a dot vote opened from a board, whose options are the board's items under
 * their own ids once checked against the document (decision 0053); a time limit becomes
 * `closesAt`, when the server closes it.
 */
export async function openPoll(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  input: z.output<typeof OpenPollSchema>,
): Promise<PollView> {
  return runtime.locks.run(input.workshopId, async () => {
    const workshop = await loadJoinedWorkshop(ctx, runtime, caller, input.workshopId);
    assertWorkshop(caller.actor, 'workshop.facilitate', workshop);
    assertLive(workshop);
    if (input.agendaItemId !== null) itemIndex(workshop, input.agendaItemId);
    const source: PollSource | null = input.source
      ? await checkPollSource(runtime.live, workshop, input.source, input.options)
      : null;
    const itemIds = input.source?.itemIds;
    const now = ctx.now();
    const dots = input.kind === 'dots';
    const poll: Poll = {
      id: ctx.newId(),
      workshopId: workshop.id,
      agendaItemId: input.agendaItemId,
      question: input.question,
      kind: input.kind,
      options: input.options.map((text, i) => ({ id: itemIds?.[i] ?? ctx.newId(), text })),
      anonymous: input.anonymous,
      showLive: input.showLive,
      // Dots and their cap mean nothing to other kinds: dropped rather than stored unused.
      dots: dots ? input.dots : null,
      maxDotsPerOption: dots ? input.maxDotsPerOption : null,
      status: 'open',
      openedBy: caller.actor.user.id,
      openedAt: now.toISOString(),
      closesAt:
        input.minutes === null
          ? null
          : new Date(now.getTime() + input.minutes * 60_000).toISOString(),
      closedAt: null,
      source,
    };
    await ctx.store.workshops.createPoll(poll);
    runtime.armDeadline(poll);
    runtime.publishPoll(poll);
    return loadPollView(ctx, poll, caller.actor.user.id);
  });
}
