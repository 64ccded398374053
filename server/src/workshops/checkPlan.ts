import { AppError, WORKSHOP_LIMITS, type PoliDocument } from '@polisee/domain';
import type { AgendaItemInput, FieldIssue } from '@polisee/contracts';
import type { ServiceContext } from '../services/context.js';
import { documentAccess } from '../services/documents.js';
import type { AuthenticatedActor } from '../services/loadActor.js';

/**
 * The checks a workshop's plan passes, whether it is being planned (`createWorkshop`) or changed
 * before it starts (`updateWorkshop`). When a plan is changed, whoever and whatever it names
 * already was checked when named and is not checked again: someone who has left the group since,
 * or a document archived since, does not stop the title from being corrected (what they may
 * still reach is the policy's business, asked at every request).
 */

export interface PeopleToCheck {
  workingGroupId: string;
  /** Always a facilitator, named or not. */
  creatorId: string;
  /** As requested; absent when unchanged (the `current` list stands). */
  facilitatorIds?: string[];
  guestIds?: string[];
  /** The stored plan, when it is being changed. */
  current?: { facilitatorIds: string[]; guestIds: string[] };
}

/**
 * Facilitators are the creator and whoever is named, each a member of the group or an admin;
 * guests are users of the workspace who are not members of the group (members take part
 * anyway) and not facilitators.
 */
export async function checkPeople(ctx: ServiceContext, input: PeopleToCheck) {
  const current = input.current ?? { facilitatorIds: [], guestIds: [] };
  const [memberships, users] = await Promise.all([
    ctx.store.memberships.listForGroup(input.workingGroupId),
    ctx.store.users.list(),
  ]);
  const members = new Set(memberships.map((m) => m.userId));
  const byId = new Map(users.map((u) => [u.id, u]));
  const issues: FieldIssue[] = [];

  const named = input.facilitatorIds ?? current.facilitatorIds;
  input.facilitatorIds?.forEach((id, i) => {
    // Only the facilitators changed: one who is still a guest is reported where they are named.
    if (!input.guestIds && current.guestIds.includes(id)) {
      issues.push({
        path: `facilitatorIds.${i}`,
        code: 'invalid_value',
        message: 'a guest of the workshop: remove them from the guests first',
      });
      return;
    }
    if (id === input.creatorId || current.facilitatorIds.includes(id)) return;
    const user = byId.get(id);
    if (!user || !(members.has(id) || user.isAdmin)) {
      issues.push({
        path: `facilitatorIds.${i}`,
        code: 'invalid_value',
        message: 'not a member of the working group',
      });
    }
  });
  const facilitatorIds = [...new Set([input.creatorId, ...named])];
  if (facilitatorIds.length > WORKSHOP_LIMITS.facilitators) {
    issues.push({
      path: 'facilitatorIds',
      code: 'too_many',
      limit: WORKSHOP_LIMITS.facilitators,
      message: `at most ${WORKSHOP_LIMITS.facilitators} facilitators, the creator included`,
    });
  }

  const guestIds = input.guestIds ?? current.guestIds;
  input.guestIds?.forEach((id, i) => {
    const known = current.guestIds.includes(id);
    if (!known && !byId.has(id)) {
      issues.push({ path: `guestIds.${i}`, code: 'invalid_value', message: 'no such user' });
    } else if ((!known && members.has(id)) || facilitatorIds.includes(id)) {
      issues.push({
        path: `guestIds.${i}`,
        code: 'invalid_value',
        message: 'already takes part as a member of the working group or a facilitator',
      });
    }
  });
  return { facilitatorIds, guestIds, issues };
}

/**
 * Linked documents are the group's own, readable by whoever plans and not archived. One they
 * may not read is "no such document", as everywhere else. `known` ones (already linked) pass.
 */
export async function checkDocuments(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  workingGroupId: string,
  documentIds: string[],
  issues: FieldIssue[],
  known: ReadonlySet<string> = new Set(),
): Promise<PoliDocument[]> {
  const linked: PoliDocument[] = [];
  for (const [i, id] of documentIds.entries()) {
    if (known.has(id)) continue;
    const doc = await ctx.store.documents.get(id);
    const path = `documentIds.${i}`;
    if (!doc || documentAccess(actor, doc) === 'none') {
      issues.push({ path, code: 'invalid_value', message: 'no such document' });
    } else if (doc.workingGroupId !== workingGroupId) {
      issues.push({ path, code: 'invalid_value', message: 'not a document of the working group' });
    } else if (doc.status === 'archived') {
      issues.push({ path, code: 'invalid_value', message: 'the document is archived' });
    } else {
      linked.push(doc);
    }
  }
  return linked;
}

/** An agenda item's section is a heading of one of the linked documents. */
export function checkSections(
  agenda: readonly Pick<AgendaItemInput, 'section'>[],
  documentIds: readonly string[],
  issues: FieldIssue[],
) {
  agenda.forEach((item, i) => {
    if (item.section && !documentIds.includes(item.section.documentId)) {
      issues.push({
        path: `agenda.${i}.section.documentId`,
        code: 'invalid_value',
        message: 'must be one of the linked documents (documentIds)',
      });
    }
  });
}

export function invalidPlan(issues: FieldIssue[]): AppError {
  return new AppError(
    'validation_failed',
    `Invalid body: ${issues.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    issues,
  );
}
