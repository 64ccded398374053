import type { Workshop } from '@polisee/domain';
import type { WorkshopListQuery, WorkshopView } from '@polisee/contracts';
import { readableWorkingGroupIds, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableWorkshop, toWorkshopView, toWorkshopViews } from './workshopAccess.js';

/**
 * The workshops the actor may see: those of their groups (every group for an admin) and those
 * they are a guest of, never any other of a guest's host group. Ordered by start, then id.
 */
export async function listWorkshops(
  ctx: ServiceContext,
  actor: Actor,
  query: WorkshopListQuery,
): Promise<WorkshopView[]> {
  const groups = readableWorkingGroupIds(actor);
  const [own, guestOf] = await Promise.all([
    ctx.store.workshops.list({
      workingGroupIds: groups,
      workingGroupId: query.workingGroupId,
      statuses: query.status,
    }),
    // An admin's list holds every workshop already.
    groups === undefined ? [] : ctx.store.workshops.listGuestOf(actor.user.id),
  ]);
  const byId = new Map<string, Workshop>(own.map((w) => [w.id, w]));
  for (const w of guestOf) {
    if (query.workingGroupId !== undefined && w.workingGroupId !== query.workingGroupId) continue;
    if (query.status !== undefined && !query.status.includes(w.status)) continue;
    byId.set(w.id, w);
  }
  // Stored instants are all ISO-8601 UTC of one length, so they sort as strings.
  const key = (w: Workshop) => `${w.startsAt}\u0000${w.id}`;
  const workshops = [...byId.values()].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
  return toWorkshopViews(ctx, workshops);
}

/** One workshop, as its participants see it; not_found for anyone who may not see it. */
export async function getWorkshop(
  ctx: ServiceContext,
  actor: Actor,
  workshopId: string,
): Promise<WorkshopView> {
  return toWorkshopView(ctx, await getReadableWorkshop(ctx, actor, workshopId));
}
