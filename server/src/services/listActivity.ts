import type { Activity } from '@polisee/domain';
import { readableWorkingGroupIds, type Actor } from '../policies/policy.js';
import type { ServiceContext } from './context.js';

/** The activity feed, limited to the working groups the actor may read. Workspace-wide lines are for admins. */
export function listActivity(
  ctx: ServiceContext,
  actor: Actor,
  limit: number,
): Promise<Activity[]> {
  return ctx.store.activity.list({ workingGroupIds: readableWorkingGroupIds(actor), limit });
}
