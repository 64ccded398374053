import { AppError, type Workshop } from '@polisee/domain';
import type { WorkshopPerson, WorkshopView } from '@polisee/contracts';
import { canOnWorkshop, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';

/**
 * A workshop the actor may see. One they may not see is reported as not found, so that its
 * existence is not disclosed (as documents are).
 */
export async function getReadableWorkshop(
  ctx: ServiceContext,
  actor: Actor,
  workshopId: string,
): Promise<Workshop> {
  const workshop = await ctx.store.workshops.get(workshopId);
  if (!workshop || !canOnWorkshop(actor, 'workshop.read', workshop)) {
    throw new AppError('not_found', 'No such workshop.');
  }
  return workshop;
}

/**
 * The workshop as every participant sees it (one payload for the whole room), naming everyone
 * it refers to with their organisation and country, looked up now so renames show everywhere.
 * `present` is who is in the live session, in the order they joined.
 */
export async function toWorkshopView(
  ctx: ServiceContext,
  workshop: Workshop,
  present: readonly string[] = [],
  extraPeople: readonly string[] = [],
): Promise<WorkshopView> {
  const [views] = await toWorkshopViews(ctx, [workshop], present, extraPeople);
  return views!;
}

export async function toWorkshopViews(
  ctx: ServiceContext,
  workshops: Workshop[],
  present: readonly string[] = [],
  extraPeople: readonly string[] = [],
): Promise<WorkshopView[]> {
  if (workshops.length === 0) return [];
  const [users, organisations, groups] = await Promise.all([
    ctx.store.users.list(),
    ctx.store.organisations.list(),
    ctx.store.workingGroups.list(),
  ]);
  const orgs = new Map(organisations.map((o) => [o.id, o]));
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const people = new Map<string, WorkshopPerson>();
  for (const u of users) {
    const org = orgs.get(u.organisationId);
    people.set(u.id, {
      id: u.id,
      name: u.name,
      organisationName: org?.name ?? '',
      country: org?.country ?? 'ZZ',
    });
  }
  const serverNow = ctx.now().toISOString();
  return workshops.map((workshop) => {
    const named = new Set([
      workshop.createdBy,
      ...workshop.facilitatorIds,
      ...workshop.guestIds,
      ...workshop.hands.map((h) => h.userId),
      ...present,
      ...extraPeople,
    ]);
    return {
      ...workshop,
      workingGroupName: groupNames.get(workshop.workingGroupId) ?? '',
      people: [...named].flatMap((id) => {
        const person = people.get(id);
        return person ? [person] : [];
      }),
      present: [...present],
      serverNow,
    };
  });
}
