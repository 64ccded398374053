import {
  AppError,
  type CommentThread,
  type PoliDocument,
  type ThreadMessage,
} from '@polisee/domain';
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

/**
 * Turns threads with their messages into views naming their people. Names are looked up now,
 * so a renamed user shows under their new name everywhere.
 */
export async function toThreadViews(
  ctx: ServiceContext,
  rows: { thread: CommentThread; messages: ThreadMessage[] }[],
): Promise<ThreadView[]> {
  if (rows.length === 0) return [];
  const [users, organisations] = await Promise.all([
    ctx.store.users.list(),
    ctx.store.organisations.list(),
  ]);
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  const people = new Map(
    users.map((u) => [
      u.id,
      { id: u.id, name: u.name, organisationName: orgNames.get(u.organisationId) ?? '' },
    ]),
  );
  return rows.map(({ thread, messages }) => {
    const ids = new Set([thread.authorId, ...messages.flatMap((m) => [m.authorId, ...m.mentions])]);
    return {
      ...thread,
      messages,
      people: [...ids].flatMap((id) => {
        const person = people.get(id);
        return person ? [person] : [];
      }),
    };
  });
}

export async function loadThreadView(ctx: ServiceContext, threadId: string): Promise<ThreadView> {
  const thread = await ctx.store.threads.get(threadId);
  if (!thread) throw new AppError('not_found', 'No such thread.');
  const [view] = await toThreadViews(ctx, [
    { thread, messages: await ctx.store.threads.messages(threadId) },
  ]);
  return view!;
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
