import type { WorkshopOutcome } from '@polisee/domain';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableWorkshop } from './workshopAccess.js';

/** The decisions and actions of a workshop, oldest first: everyone who may see it reads them. */
export async function listOutcomes(
  ctx: ServiceContext,
  actor: Actor,
  workshopId: string,
): Promise<WorkshopOutcome[]> {
  const workshop = await getReadableWorkshop(ctx, actor, workshopId);
  return ctx.store.workshops.listOutcomes(workshop.id);
}
