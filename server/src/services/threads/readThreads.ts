import type { ThematicPriority } from '@polisee/domain';
import type {
  DocumentThreadsQuery,
  InboxCounts,
  InboxPage,
  InboxQuery,
  ThreadView,
} from '@polisee/contracts';
import { excerptOf } from '@polisee/domain';
import { readableWorkingGroupIds, type Actor } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';
import type { AuthenticatedActor } from '../loadActor.js';
import { getReadableThread, loadThreadView, toThreadViews } from './threadViews.js';

export async function listDocumentThreads(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
  query: DocumentThreadsQuery,
): Promise<ThreadView[]> {
  await getReadableDocument(ctx, actor, documentId);
  return toThreadViews(ctx, await ctx.store.threads.listForDocument(documentId, query));
}

export async function getThread(
  ctx: ServiceContext,
  actor: Actor,
  threadId: string,
): Promise<ThreadView> {
  await getReadableThread(ctx, actor, threadId);
  return loadThreadView(ctx, threadId);
}

/** The reader has seen the thread as it is now: it stops counting as unread. */
export async function markThreadRead(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  threadId: string,
): Promise<void> {
  await getReadableThread(ctx, actor, threadId);
  await ctx.store.threads.markRead(actor.user.id, threadId, ctx.now().toISOString());
}

/** A priority inbox: threads on that priority across every document the actor may read. */
export async function priorityInbox(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  priority: ThematicPriority,
  query: InboxQuery,
): Promise<InboxPage> {
  const page = await ctx.store.threads.inbox({
    userId: actor.user.id,
    workingGroupIds: readableWorkingGroupIds(actor),
    priority,
    status: query.status,
    mine: query.filter === 'mine',
    mentioning: query.filter === 'mentions',
    limit: query.limit,
    cursor: query.cursor,
  });
  return {
    items: page.items.map((row) => ({
      ...row.thread,
      documentTitle: row.documentTitle,
      unread: row.unread,
      lastExcerpt: excerptOf(row.lastBody),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function inboxCounts(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
): Promise<InboxCounts> {
  return {
    priorities: await ctx.store.threads.inboxCounts({
      userId: actor.user.id,
      workingGroupIds: readableWorkingGroupIds(actor),
    }),
  };
}
