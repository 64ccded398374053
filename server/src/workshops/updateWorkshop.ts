import { AppError, type AgendaItem, type Workshop } from '@polisee/domain';
import type { FieldIssue, UpdateWorkshopRequestSchema, WorkshopView } from '@polisee/contracts';
import type { z } from 'zod';
import { assertWorkshop } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { checkDocuments, checkPeople, checkSections, invalidPlan } from './checkPlan.js';
import { notifyWorkshopGuestsInvited } from './notifyWorkshop.js';
import { getReadableWorkshop, toWorkshopView } from './workshopAccess.js';
import type { WorkshopLocks } from './workshopLocks.js';

export type UpdateWorkshopInput = z.output<typeof UpdateWorkshopRequestSchema>;

/**
 * A facilitator changes the plan of a workshop that has not started: each field given replaces
 * the stored one, checked as at creation. Made under the workshop's lock, the one going live
 * takes: the status is read there, so a plan is never changed under a workshop that has just
 * gone live (its agenda is then being walked through, by index). The room gets the new state;
 * guests added hear of the workshop, nobody else is told again.
 */
export async function updateWorkshop(
  ctx: ServiceContext,
  locks: WorkshopLocks,
  actor: AuthenticatedActor,
  workshopId: string,
  req: UpdateWorkshopInput,
): Promise<WorkshopView> {
  const { saved, addedGuests } = await locks.run(workshopId, async () => {
    const workshop = await getReadableWorkshop(ctx, actor, workshopId);
    assertWorkshop(actor, 'workshop.facilitate', workshop);
    if (workshop.status !== 'scheduled') {
      throw new AppError(
        'conflict',
        'The workshop has started: its plan can no longer be changed.',
      );
    }
    const changed = await changedPlan(ctx, actor, workshop, req);
    const next = { ...changed, updatedAt: ctx.now().toISOString() };
    await ctx.store.workshops.save(next);
    ctx.events.emit('workshopChanged', next);
    return {
      saved: next,
      addedGuests: next.guestIds.filter((id) => !workshop.guestIds.includes(id)),
    };
  });
  if (addedGuests.length > 0) {
    // The plan is saved whatever happens to the notifications: a failure is only logged.
    await notifyWorkshopGuestsInvited(ctx, saved, actor.user, addedGuests).catch((err: unknown) =>
      ctx.logger.error({ err, workshopId }, 'guest invitations failed'),
    );
  }
  return toWorkshopView(ctx, saved);
}

/** The workshop with the request applied, or every field that fails. */
async function changedPlan(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  workshop: Workshop,
  req: UpdateWorkshopInput,
): Promise<Workshop> {
  const { facilitatorIds, guestIds, issues } = await checkPeople(ctx, {
    workingGroupId: workshop.workingGroupId,
    // The creator stays a facilitator, whoever edits.
    creatorId: workshop.createdBy,
    facilitatorIds: req.facilitatorIds,
    guestIds: req.guestIds,
    current: workshop,
  });

  const notes = workshop.notesDocumentId;
  const currentDocs = workshop.documentIds.filter((id) => id !== notes);
  if (req.documentIds) {
    await checkDocuments(
      ctx,
      actor,
      workshop.workingGroupId,
      req.documentIds,
      issues,
      new Set(workshop.documentIds),
    );
  }
  // The notes stay linked, last, whatever the request says: they are the workshop's own.
  const documentIds = (req.documentIds ?? currentDocs).filter((id) => id !== notes);

  const agenda = req.agenda ? keptAgenda(ctx, workshop.agenda, req.agenda, issues) : null;
  if (agenda) {
    checkSections(agenda, documentIds, issues);
  } else if (
    workshop.agenda.some((a) => a.section && !documentIds.includes(a.section.documentId))
  ) {
    issues.push({
      path: 'documentIds',
      code: 'invalid_value',
      message: 'an agenda item is bound to a section of a document left out: keep it linked',
    });
  }

  const startsAt = req.startsAt ?? workshop.startsAt;
  const endsAt = req.endsAt ?? workshop.endsAt;
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    issues.push({
      path: req.endsAt ? 'endsAt' : 'startsAt',
      code: 'invalid_value',
      message: req.endsAt ? 'must be after the start' : 'must be before the end',
    });
  }
  if (issues.length > 0) throw invalidPlan(issues);

  return {
    ...workshop,
    title: req.title ?? workshop.title,
    purpose: req.purpose ?? workshop.purpose,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    agenda: agenda ?? workshop.agenda,
    facilitatorIds,
    guestIds,
    documentIds: [...documentIds, notes],
    observersMayVote: req.observersMayVote ?? workshop.observersMayVote,
  };
}

/**
 * The new agenda, in the order given: an item that names an `id` of the stored agenda keeps it
 * and the time spent on it; one without is new.
 */
function keptAgenda(
  ctx: ServiceContext,
  current: AgendaItem[],
  given: NonNullable<UpdateWorkshopInput['agenda']>,
  issues: FieldIssue[],
): AgendaItem[] {
  const stored = new Map(current.map((item) => [item.id, item]));
  const seen = new Set<string>();
  return given.map((item, i): AgendaItem => {
    const kept = item.id === undefined ? undefined : stored.get(item.id);
    if (item.id !== undefined && (!kept || seen.has(item.id))) {
      issues.push({
        path: `agenda.${i}.id`,
        code: 'invalid_value',
        message: kept ? 'given twice' : 'not an item of the agenda',
      });
    }
    if (item.id !== undefined) seen.add(item.id);
    return {
      id: kept?.id ?? ctx.newId(),
      title: item.title,
      minutes: item.minutes,
      section: item.section,
      priority: item.priority,
      spentSeconds: kept?.spentSeconds ?? 0,
    };
  });
}
