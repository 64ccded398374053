import type { Activity } from '@polisee/domain';
import { readableWorkingGroupIds, type Actor } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { getReadableDocument } from './documents.js';

/** The activity feed, limited to the working groups the actor may read. Workspace-wide lines are for admins. */
export function listActivity(
  ctx: ServiceContext,
  actor: Actor,
  limit: number,
): Promise<Activity[]> {
  return ctx.store.activity.list({ workingGroupIds: readableWorkingGroupIds(actor), limit });
}

/** One document's activity, newest first. */
export async function listDocumentActivity(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
  limit: number,
): Promise<Activity[]> {
  await getReadableDocument(ctx, actor, documentId);
  return ctx.store.activity.list({ documentId, limit });
}
