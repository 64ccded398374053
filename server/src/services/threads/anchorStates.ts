import type { CommentThread } from '@polisee/domain';
import type { ServiceContext } from '../context.js';
import { announceThread } from './threadViews.js';

export type AnchorState = CommentThread['anchorState'];

/** The anchor state the store has for each thread of a document. */
export function listAnchorStates(
  ctx: ServiceContext,
  documentId: string,
): Promise<{ id: string; anchorState: AnchorState }[]> {
  return ctx.store.threads.listAnchorStates(documentId);
}

/**
 * Stores what the live document says of a thread's anchor (its text was deleted, or came back)
 * and announces the thread, so that every open thread list shows it at once.
 */
export async function updateAnchorState(
  ctx: ServiceContext,
  threadId: string,
  anchorState: AnchorState,
): Promise<void> {
  await ctx.store.threads.update(threadId, { anchorState });
  await announceThread(ctx, threadId);
}
