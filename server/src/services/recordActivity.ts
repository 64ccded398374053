import type { Activity, ActivityType } from '@polisee/domain';
import type { ServiceContext } from './context.js';

/** Appends one line to the activity feed and announces it. */
export async function recordActivity(
  ctx: ServiceContext,
  entry: {
    type: ActivityType;
    actor: { id: string; name: string };
    workingGroupId: string | null;
    document?: { id: string; title: string };
  },
): Promise<Activity> {
  const activity: Activity = {
    id: ctx.newId(),
    type: entry.type,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    workingGroupId: entry.workingGroupId,
    documentId: entry.document?.id ?? null,
    documentTitle: entry.document?.title ?? null,
    at: ctx.now().toISOString(),
  };
  await ctx.store.activity.add(activity);
  ctx.events.emit('activityAdded', activity);
  return activity;
}
