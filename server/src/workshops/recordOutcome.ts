import { AppError, WORKSHOP_LIMITS, type WorkshopOutcome } from '@polisee/domain';
import type { FieldIssue, RecordOutcomeRequestSchema } from '@polisee/contracts';
import type { z } from 'zod';
import { assertWorkshop } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { getReadableWorkshop } from './workshopAccess.js';
import type { WorkshopLocks } from './workshopLocks.js';

/**
 * A facilitator records a decision, or an action with its owner and due date, against an item
 * of the agenda. Only once the workshop has started: before, nothing has been decided. Recorded
 * one at a time per workshop, so two facilitators at once cannot pass the limit together.
 */
export async function recordOutcome(
  ctx: ServiceContext,
  locks: WorkshopLocks,
  actor: AuthenticatedActor,
  workshopId: string,
  req: z.output<typeof RecordOutcomeRequestSchema>,
): Promise<WorkshopOutcome> {
  const workshop = await getReadableWorkshop(ctx, actor, workshopId);
  assertWorkshop(actor, 'workshop.facilitate', workshop);
  if (workshop.status === 'scheduled') {
    throw new AppError('conflict', 'The workshop has not started: nothing is decided yet.');
  }
  const issues: FieldIssue[] = [];
  if (req.agendaItemId !== null && !workshop.agenda.some((a) => a.id === req.agendaItemId)) {
    issues.push({
      path: 'agendaItemId',
      code: 'invalid_value',
      message: 'not an item of the agenda',
    });
  }
  const ownerId = req.kind === 'action' ? req.ownerId : null;
  if (ownerId !== null && !(await takesPart(ctx, workshop, ownerId))) {
    issues.push({
      path: 'ownerId',
      code: 'invalid_value',
      message: 'not a participant of the workshop',
    });
  }
  if (issues.length > 0) {
    throw new AppError(
      'validation_failed',
      `Invalid body: ${issues.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      issues,
    );
  }
  return locks.run(workshop.id, async () => {
    if ((await ctx.store.workshops.countOutcomes(workshop.id)) >= WORKSHOP_LIMITS.outcomes) {
      throw new AppError(
        'conflict',
        `This workshop already holds ${WORKSHOP_LIMITS.outcomes} decisions and actions, the most it may.`,
      );
    }
    const outcome: WorkshopOutcome = {
      id: ctx.newId(),
      workshopId: workshop.id,
      agendaItemId: req.agendaItemId,
      kind: req.kind,
      text: req.text,
      ownerId,
      dueDate: req.kind === 'action' ? req.dueDate : null,
      createdBy: actor.user.id,
      createdAt: ctx.now().toISOString(),
    };
    await ctx.store.workshops.addOutcome(outcome);
    ctx.events.emit('workshopOutcomeAdded', outcome);
    return outcome;
  });
}

/** A participant: a member of the group, a guest, or a facilitator (an admin may be one). */
async function takesPart(
  ctx: ServiceContext,
  workshop: { workingGroupId: string; guestIds: string[]; facilitatorIds: string[] },
  userId: string,
): Promise<boolean> {
  if (workshop.guestIds.includes(userId) || workshop.facilitatorIds.includes(userId)) return true;
  const memberships = await ctx.store.memberships.listForGroup(workshop.workingGroupId);
  return memberships.some((m) => m.userId === userId);
}
