import { WORKSHOP_ERRORS, type WorkshopCommandSchema } from '@polisee/contracts';
import type { Workshop } from '@polisee/domain';
import type { z } from 'zod';
import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { notifyWorkshopLive } from '../notifyWorkshop.js';
import { writeWorkshopOutcome } from '../outcome/writeWorkshopOutcome.js';
import { closeOpenPoll } from '../polls/closePoll.js';
import { accountTimeSpent, itemIndex, moveToItem } from './agenda.js';
import { withFirstCalled, withHandLowered } from './hands.js';
import {
  assertLive,
  assertWorkshopDocument,
  loadJoinedWorkshop,
  saveWorkshop,
  type LiveCaller,
} from './liveWorkshop.js';
import { addMinute, pauseTimer, resetTimer, resumeTimer, startTimer } from './timer.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';
import { workshopError } from './workshopErrors.js';

type WorkshopCommand = z.output<typeof WorkshopCommandSchema>;

/** What a command leaves to do once the workshop's lock is released. */
type After =
  | { kind: 'none' }
  | { kind: 'notifyLive'; workshop: Workshop }
  | { kind: 'writeOutcome'; workshop: Workshop; agendaItemId: string | null };

/**
 * A facilitator's control of the live workshop: agenda, timer, summon, the hand queue, who may
 * vote, and writing the outcome into the notes. Every change of the record is made under the
 * workshop's lock, written whole, then broadcast (by `workshopChanged`). Slow follow-ups (the
 * go-live notifications, the outcome written into the notes) run after the lock, so they never
 * hold up the room.
 */
export async function controlWorkshop(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshopId: string,
  command: WorkshopCommand,
): Promise<void> {
  const after = await runtime.locks.run(workshopId, async (): Promise<After> => {
    const workshop = await loadJoinedWorkshop(ctx, runtime, caller, workshopId);
    assertWorkshop(caller.actor, 'workshop.facilitate', workshop);
    if (command.type === 'goLive') return goLive(ctx, runtime, workshop);
    assertLive(workshop);
    return apply(ctx, runtime, caller, workshop, command);
  });
  switch (after.kind) {
    case 'notifyLive':
      // The workshop is live whatever happens to the notifications: a failure is only logged.
      await notifyWorkshopLive(ctx, after.workshop, caller.actor.user).catch((err: unknown) =>
        ctx.logger.error({ err, workshopId }, 'go-live notifications failed'),
      );
      return;
    case 'writeOutcome':
      await writeWorkshopOutcome(ctx, runtime.live, after.workshop, {
        agendaItemId: after.agendaItemId,
        by: caller.actor.user.id,
      });
      return;
    case 'none':
      return;
  }
}

/**
 * Scheduled → live, on the first item; everyone already waiting in the room starts a stay.
 * Going live again is answered as done (two facilitators clicked together); an ended workshop
 * does not come back.
 */
async function goLive(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  workshop: Workshop,
): Promise<After> {
  if (workshop.status === 'ended') {
    throw workshopError(WORKSHOP_ERRORS.ended, 'The workshop has ended.');
  }
  if (workshop.status === 'live') return { kind: 'none' };
  const now = ctx.now().toISOString();
  for (const userId of runtime.presence.present(workshop.id)) {
    await ctx.store.workshops.recordJoin({
      workshopId: workshop.id,
      userId,
      joinedAt: now,
      leftAt: null,
    });
  }
  const live = await saveWorkshop(ctx, {
    ...workshop,
    status: 'live',
    startedAt: workshop.startedAt ?? now,
    currentItem: 0,
    currentItemSince: now,
  });
  ctx.events.emit('workshopStatusChanged', live);
  return { kind: 'notifyLive', workshop: live };
}

async function apply(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshop: Workshop,
  command: Exclude<WorkshopCommand, { type: 'goLive' }>,
): Promise<After> {
  const now = ctx.now();
  const save = async (changed: Workshop): Promise<After> => {
    await saveWorkshop(ctx, changed);
    return { kind: 'none' };
  };
  const current = workshop.currentItem ?? -1;
  switch (command.type) {
    case 'end':
      return end(ctx, runtime, workshop, now);
    case 'next':
      return save(moveToItem(workshop, current + 1, now));
    case 'previous':
      return save(moveToItem(workshop, current - 1, now));
    case 'goTo':
      return save(moveToItem(workshop, command.index, now));
    case 'timerStart':
      return save({ ...workshop, timer: startTimer(command.minutes, now) });
    case 'timerPause':
      return save({ ...workshop, timer: pauseTimer(workshop.timer, now) });
    case 'timerResume':
      return save({ ...workshop, timer: resumeTimer(workshop.timer, now) });
    case 'timerAddMinute':
      return save({ ...workshop, timer: addMinute(workshop.timer) });
    case 'timerReset':
      return save({ ...workshop, timer: resetTimer(workshop.timer) });
    case 'summon':
      // Ephemeral: a message to the room, never stored and never written into a document.
      assertWorkshopDocument(workshop, command.place.documentId);
      if (command.agendaItemId !== null) itemIndex(workshop, command.agendaItemId);
      runtime.events.emit('summoned', {
        workshopId: workshop.id,
        place: command.place,
        agendaItemId: command.agendaItemId,
        by: caller.actor.user.id,
      });
      return { kind: 'none' };
    case 'lowerHand':
    case 'callNext': {
      const hands =
        command.type === 'callNext'
          ? withFirstCalled(workshop.hands)
          : withHandLowered(workshop.hands, command.userId);
      return hands ? save({ ...workshop, hands }) : { kind: 'none' };
    }
    case 'setObserversMayVote':
      if (workshop.observersMayVote === command.value) return { kind: 'none' };
      return save({ ...workshop, observersMayVote: command.value });
    case 'writeOutcome':
      if (command.agendaItemId !== null) itemIndex(workshop, command.agendaItemId);
      // The time on the current item so far counts, though the record keeps running it.
      return {
        kind: 'writeOutcome',
        workshop: accountTimeSpent(workshop, now),
        agendaItemId: command.agendaItemId,
      };
  }
}

/**
 * Live → ended: open polls close (their results broadcast), the time on the current item is
 * counted, the timer stops, hands go down, every stay ends; then the whole outcome is written
 * into the notes.
 */
async function end(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  workshop: Workshop,
  now: Date,
): Promise<After> {
  for (const poll of await ctx.store.workshops.listPolls(workshop.id)) {
    await closeOpenPoll(ctx, runtime, poll);
  }
  const at = now.toISOString();
  await ctx.store.workshops.closeAttendance(workshop.id, at);
  const ended = await saveWorkshop(ctx, {
    ...accountTimeSpent(workshop, now),
    status: 'ended',
    endedAt: at,
    currentItem: null,
    currentItemSince: null,
    timer: pauseTimer(workshop.timer, now),
    hands: [],
  });
  ctx.events.emit('workshopStatusChanged', ended);
  return { kind: 'writeOutcome', workshop: ended, agendaItemId: null };
}
