import type { ServiceContext } from '../services/context.js';
import { entryIds, threadEntry } from './searchEntries.js';

/**
 * Brings a thread's entry up to date: after a start, a reply, an edit, a deletion, a resolve or
 * a change of priority. Read from the store, not from the event: events of one thread may be
 * handled out of order, the store holds the last word.
 */
export async function indexThread(ctx: ServiceContext, threadId: string): Promise<void> {
  const thread = await ctx.store.threads.get(threadId);
  const doc = thread ? await ctx.store.documents.get(thread.documentId) : null;
  if (!thread || !doc || doc.status === 'archived') {
    await ctx.store.search.remove([entryIds.thread(threadId)]);
    return;
  }
  const entry = threadEntry(doc, thread, await ctx.store.threads.messages(threadId));
  // Every message deleted: nothing left to find.
  if (entry) await ctx.store.search.upsert([entry]);
  else await ctx.store.search.remove([entryIds.thread(threadId)]);
}
