import type { ThreadView, UpdateThreadRequest } from '@polisee/contracts';
import { assertThread } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import type { AuthenticatedActor } from '../loadActor.js';
import { notifyStatus } from './notify.js';
import { announceThread, getReadableThread } from './threadViews.js';

/** Resolve, reopen and/or move a thread to another priority. Each counts as activity on it. */
export async function updateThread(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  threadId: string,
  req: UpdateThreadRequest,
): Promise<ThreadView> {
  const { thread, doc } = await getReadableThread(ctx, actor, threadId);
  const statusChanges = req.status !== undefined && req.status !== thread.status;
  const priorityChanges = req.priority !== undefined && req.priority !== thread.priority;
  if (req.status !== undefined) assertThread(actor, 'thread.resolve', doc, thread);
  if (req.priority !== undefined) assertThread(actor, 'thread.changePriority', doc, thread);
  if (!statusChanges && !priorityChanges) return announceThread(ctx, threadId);

  const now = ctx.now().toISOString();
  const resolving = statusChanges && req.status === 'resolved';
  await ctx.store.threads.update(threadId, {
    ...(priorityChanges ? { priority: req.priority } : {}),
    ...(statusChanges
      ? {
          status: req.status,
          resolvedAt: resolving ? now : null,
          resolvedBy: resolving ? actor.user.id : null,
        }
      : {}),
    lastActivityAt: now,
    lastActivityBy: actor.user.id,
  });
  await ctx.store.threads.markRead(actor.user.id, threadId, now);
  const view = await announceThread(ctx, threadId, priorityChanges ? thread.priority : null);
  if (statusChanges) await notifyStatus(ctx, { actor: actor.user, doc, thread: view });
  return view;
}
