import { logDamage } from '../content/documentRepair.js';
import type { ServiceContext } from '../services/context.js';
import { documentEntry, entryIds, threadEntry } from './searchEntries.js';

/**
 * Brings a document's entries up to date with the store: its text (read from the stored state,
 * through the content reader, which takes large documents off the main thread) and, with
 * `threads`, its comment threads, whose facets are the document's. A document that is gone or
 * archived leaves the index with its threads: archiving takes it out of the working set.
 */
export async function indexDocument(
  ctx: ServiceContext,
  documentId: string,
  options: { threads: boolean },
): Promise<void> {
  const doc = await ctx.store.documents.get(documentId);
  if (!doc || doc.status === 'archived') {
    await ctx.store.search.removeFor(documentId);
    return;
  }
  const stored = await ctx.store.documentState.load(documentId);
  const { text, damage } = stored
    ? await ctx.contentReader.read(
        { snapshot: stored.snapshot, updates: stored.updates.map((u) => u.update) },
        { background: true },
      )
    : { text: '', damage: [] };
  if (damage.length > 0) logDamage(ctx.logger, { documentId })(damage);
  const entries = [documentEntry(doc, text)];
  const silent: string[] = [];
  if (options.threads) {
    for (const { thread, messages } of await ctx.store.threads.listForDocument(documentId, {})) {
      const entry = threadEntry(doc, thread, messages);
      if (entry) entries.push(entry);
      else silent.push(entryIds.thread(thread.id));
    }
  }
  await ctx.store.search.upsert(entries);
  if (silent.length > 0) await ctx.store.search.remove(silent);
}
