import type { PollView } from '@polisee/contracts';
import type { Actor } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { getReadableWorkshop } from '../workshopAccess.js';
import { loadPollViews } from './pollViews.js';

/**
 * A workshop's polls as the reader sees them: each with its status, results only once closed
 * (or while open if shown live), and the reader's own ballot only.
 */
export async function listPolls(
  ctx: ServiceContext,
  actor: Actor,
  workshopId: string,
): Promise<PollView[]> {
  const workshop = await getReadableWorkshop(ctx, actor, workshopId);
  return loadPollViews(ctx, workshop.id, actor.user.id);
}
