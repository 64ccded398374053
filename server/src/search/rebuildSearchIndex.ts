import type { ServiceContext } from '../services/context.js';
import { indexDocument } from './indexDocument.js';
import { indexWorkshopDecisions } from './indexWorkshopDecisions.js';

export interface RebuildProgress {
  documents: number;
  workshops: number;
}

/**
 * Rebuilds the whole index from the store: every document with its threads (archived ones are
 * taken out), every workshop's decisions. Entries are replaced one document at a time, so search
 * keeps answering meanwhile, from the old entries until each is rebuilt. Stops between two
 * documents when `signal` aborts (a shutdown during the rebuild at start).
 */
export async function rebuildSearchIndex(
  ctx: ServiceContext,
  options: { signal?: AbortSignal; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<RebuildProgress> {
  const progress: RebuildProgress = { documents: 0, workshops: 0 };
  const documents = await ctx.store.documents.list({ includeArchived: true });
  for (const doc of documents) {
    if (options.signal?.aborted) return progress;
    await indexDocument(ctx, doc.id, { threads: true });
    progress.documents += 1;
    if (progress.documents % 500 === 0) options.onProgress?.(progress);
  }
  for (const workshop of await ctx.store.workshops.list({})) {
    if (options.signal?.aborted) return progress;
    await indexWorkshopDecisions(ctx, workshop.id);
    progress.workshops += 1;
  }
  return progress;
}

/**
 * At start, when the index is empty but documents exist (a first start after upgrading, or a
 * store copied without its derived data), rebuilds it in the background, logged. `stop()` ends
 * it between two documents and resolves once it has.
 */
export function rebuildSearchIndexIfEmpty(ctx: ServiceContext): { stop(): Promise<void> } {
  const abort = new AbortController();
  const done = (async () => {
    if (!(await ctx.store.search.isEmpty())) return;
    const [first] = await ctx.store.documents.list({ includeArchived: true });
    if (!first) return;
    ctx.logger.info('search: the index is empty, rebuilding it in the background');
    const started = Date.now();
    const total = await rebuildSearchIndex(ctx, {
      signal: abort.signal,
      onProgress: (p) => ctx.logger.info(p, 'search: rebuilding'),
    });
    ctx.logger.info(
      { ...total, ms: Date.now() - started, complete: !abort.signal.aborted },
      'search: index rebuilt',
    );
  })().catch((err: unknown) => ctx.logger.error({ err }, 'search: rebuilding the index failed'));
  return {
    async stop() {
      abort.abort();
      await done;
    },
  };
}
