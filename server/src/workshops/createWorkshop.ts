import {
  DOCUMENT_LIMITS,
  type AgendaItem,
  type PoliDocument,
  type ThematicPriority,
  type WorkingGroup,
  type Workshop,
} from '@polisee/domain';
import type { CreateWorkshopRequestSchema, WorkshopView } from '@polisee/contracts';
import type { z } from 'zod';
import { assertCreateWorkshop } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { createDocument } from '../services/createDocument.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { templateName } from '../templates/catalog.js';
import { checkDocuments, checkPeople, checkSections, invalidPlan } from './checkPlan.js';
import { notifyWorkshopInvited } from './notifyWorkshop.js';
import { toWorkshopView } from './workshopAccess.js';

export type CreateWorkshopInput = z.output<typeof CreateWorkshopRequestSchema>;

/**
 * Plans a workshop of a working group: checks the people and documents it names, creates its
 * notes document from the Workshop notes template in the workshop's language, links it, stores
 * the workshop and tells everyone invited. Everything is checked before the notes document is
 * created, so a refused request leaves nothing behind.
 */
export async function createWorkshop(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: CreateWorkshopInput,
): Promise<WorkshopView> {
  const group = await ctx.store.workingGroups.get(req.workingGroupId);
  if (!group) {
    throw invalidPlan([
      { path: 'workingGroupId', code: 'invalid_value', message: 'no such working group' },
    ]);
  }
  assertCreateWorkshop(actor, group.id);

  const { facilitatorIds, guestIds, issues } = await checkPeople(ctx, {
    workingGroupId: group.id,
    creatorId: actor.user.id,
    facilitatorIds: req.facilitatorIds,
    guestIds: req.guestIds,
  });
  const linked = await checkDocuments(ctx, actor, group.id, req.documentIds, issues);
  checkSections(req.agenda, req.documentIds, issues);
  const priorities = notesPriorities(req, group, linked);
  if (priorities.length === 0) {
    issues.push({
      path: 'agenda.0.priority',
      code: 'required',
      message: 'the group has no thematic priority: give one to an agenda item',
    });
  }
  if (issues.length > 0) throw invalidPlan(issues);

  const notes = await createDocument(ctx, actor, {
    title: notesTitle(req.title, req.language),
    kind: 'workshop_notes',
    workingGroupId: group.id,
    thematicPriorities: priorities,
    language: req.language,
    countries: [],
  });
  const now = ctx.now().toISOString();
  const workshop: Workshop = {
    id: ctx.newId(),
    workingGroupId: group.id,
    title: req.title,
    purpose: req.purpose,
    language: req.language,
    startsAt: new Date(req.startsAt).toISOString(),
    endsAt: new Date(req.endsAt).toISOString(),
    status: 'scheduled',
    facilitatorIds,
    guestIds,
    // The facilitator's documents in their order, the notes last: the notes are written
    // during the workshop, the others are what it works on.
    documentIds: [...req.documentIds, notes.id],
    notesDocumentId: notes.id,
    agenda: req.agenda.map((item): AgendaItem => ({
      id: ctx.newId(),
      title: item.title,
      minutes: item.minutes,
      section: item.section,
      priority: item.priority,
      spentSeconds: 0,
    })),
    currentItem: null,
    currentItemSince: null,
    timer: { durationMs: 0, remainingMs: 0, runningSince: null },
    hands: [],
    observersMayVote: req.observersMayVote,
    createdBy: actor.user.id,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    endedAt: null,
  };
  await ctx.store.workshops.create(workshop);
  ctx.events.emit('workshopChanged', workshop);
  ctx.events.emit('workshopStatusChanged', workshop);
  await notifyWorkshopInvited(ctx, workshop, actor.user);
  return toWorkshopView(ctx, workshop);
}

/**
 * The notes record what was discussed, so they carry the priorities of the agenda items (and
 * turn up in those priorities' catalogue filters and inboxes). With none named, the group's
 * priorities stand in (its work is what a workshop covers), then the linked documents'.
 */
function notesPriorities(
  req: CreateWorkshopInput,
  group: WorkingGroup,
  linked: PoliDocument[],
): ThematicPriority[] {
  const fromAgenda = req.agenda.flatMap((item) => (item.priority ? [item.priority] : []));
  if (fromAgenda.length > 0) return [...new Set(fromAgenda)];
  if (group.thematicPriorities.length > 0) return [...group.thematicPriorities];
  return [...new Set(linked.flatMap((d) => d.thematicPriorities))];
}

/**
 * "Workshop notes: <title>" in the workshop's language, so the notes are told apart from the
 * documents they discuss in the catalogue; a long title is shortened to fit a document title.
 */
export function notesTitle(title: string, language: CreateWorkshopInput['language']): string {
  const full = `${templateName('workshop_notes', language)}: ${title}`;
  if (full.length <= DOCUMENT_LIMITS.titleChars) return full;
  let cut = '';
  // By code point, so that a character outside the BMP is never split in two.
  for (const ch of full) {
    if (cut.length + ch.length > DOCUMENT_LIMITS.titleChars - 1) break;
    cut += ch;
  }
  return `${cut.trimEnd()}…`;
}
