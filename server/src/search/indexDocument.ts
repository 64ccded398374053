import { isKnowledgeKind, type PoliDocument, type SearchEntry } from '@polisee/domain';
import { logDamage } from '../content/documentRepair.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { getDocumentVersion, versionState } from '../services/versions/recordVersion.js';
import { documentEntry, entryIds, publishedEntry, threadEntry } from './searchEntries.js';

/**
 * Brings a document's entries up to date: its text and, with `threads`, its comment threads,
 * whose facets are the document's. A document that is gone or archived leaves the index with its
 * threads: archiving takes it out of the working set.
 *
 * The text of a document open on this process (`open`) is read from its live doc when that is
 * small enough to walk inline (decision 0100); otherwise from the stored state, through the
 * content reader, which takes large documents off the main thread and keeps them there for the
 * next read.
 */
export async function indexDocument(
  ctx: ServiceContext,
  documentId: string,
  options: { threads: boolean; open?: Pick<LiveDocuments, 'readOpen'> },
): Promise<void> {
  const doc = await ctx.store.documents.get(documentId);
  if (!doc || doc.status === 'archived') {
    await ctx.store.search.removeFor(documentId);
    return;
  }
  const { text, damage } =
    options.open?.readOpen(documentId, (ydoc) => ctx.contentReader.readOpen(ydoc)) ??
    (await readStored(ctx, documentId));
  if (damage.length > 0) logDamage(ctx.logger, { documentId })(damage);
  const entries = [documentEntry(doc, text)];
  const silent: string[] = [];
  const published = await publishedEntryOf(ctx, doc);
  if (published) entries.push(published);
  else silent.push(entryIds.published(doc.id));
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

async function readStored(ctx: ServiceContext, documentId: string) {
  const stored = await ctx.store.documentState.load(documentId);
  return stored
    ? await ctx.contentReader.readGrowing(documentId, stored)
    : { text: '', damage: [] };
}

/** The entry of the document's published version, if it is a knowledge-base entry published. */
async function publishedEntryOf(
  ctx: ServiceContext,
  doc: PoliDocument,
): Promise<SearchEntry | null> {
  if (!isKnowledgeKind(doc.kind)) return null;
  const publication = await ctx.store.publications.latest(doc.id);
  if (!publication) return null;
  const version = await getDocumentVersion(ctx, doc.id, publication.versionId);
  const { text, damage } = await ctx.contentReader.read(
    { snapshot: await versionState(ctx, version), updates: [] },
    { background: true },
  );
  if (damage.length > 0)
    logDamage(ctx.logger, { documentId: doc.id, versionId: version.id })(damage);
  return publishedEntry(doc, text, publication);
}
