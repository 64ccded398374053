import { AppError, type CommentThread, type PoliDocument } from '@polisee/domain';
import type { ThreadView } from '@polisee/contracts';
import type { Actor } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';

/** A thread the actor may read, with its document. Unreadable threads do not exist for them. */
export async function getReadableThread(
  ctx: ServiceContext,
  actor: Actor,
  threadId: string,
): Promise<{ thread: CommentThread; doc: PoliDocument }> {
  const thread = await ctx.store.threads.get(threadId);
  if (!thread) throw new AppError('not_found', 'No such thread.');
  try {
    return { thread, doc: await getReadableDocument(ctx, actor, thread.documentId) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      throw new AppError('not_found', 'No such thread.');
    }
    throw err;
  }
}

export async function loadThreadView(ctx: ServiceContext, threadId: string): Promise<ThreadView> {
  const thread = await ctx.store.threads.get(threadId);
  if (!thread) throw new AppError('not_found', 'No such thread.');
  return { ...thread, messages: await ctx.store.threads.messages(threadId) };
}

/** Stores nothing; announces the thread as it now is to everyone who may read it. */
export async function announceThread(
  ctx: ServiceContext,
  threadId: string,
  previousPriority: CommentThread['priority'] | null = null,
): Promise<ThreadView> {
  const thread = await loadThreadView(ctx, threadId);
  ctx.events.emit('threadChanged', { thread, previousPriority });
  return thread;
}
