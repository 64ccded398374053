import type { Logger } from 'pino';
import type { ServiceContext } from '../services/context.js';
import type { DomainEventMap } from '../services/events.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { DocumentStateRepo } from '../store/ports.js';
import { indexDocument } from './indexDocument.js';
import { indexThread } from './indexThread.js';
import { indexWorkshopDecisions } from './indexWorkshopDecisions.js';
import { DEFAULT_INDEX_TIMING, IndexQueue, type IndexTiming } from './IndexQueue.js';

/**
 * Keeps the search index up to date as things change (decision 0059). Content: every update a
 * room stores marks its document, read and indexed after a debounce. Metadata, threads and
 * workshop decisions: the domain events the services emit. Nothing is read on the caller's path:
 * marking is a map write; reading and indexing happen in the queue's jobs.
 */
export class SearchIndexer {
  private readonly queue: IndexQueue;
  private readonly unsubscribe: (() => void)[] = [];
  /** The rooms' documents, once they exist (they write through `watchWrites`, so come after). */
  private open: Pick<LiveDocuments, 'readOpen'> | undefined;

  constructor(
    private readonly ctx: ServiceContext,
    logger: Logger,
    timing: IndexTiming = DEFAULT_INDEX_TIMING,
  ) {
    this.queue = new IndexQueue(logger, timing);
    const { events } = ctx;
    const on = <K extends keyof DomainEventMap>(
      name: K,
      listener: (...args: DomainEventMap[K]) => void,
    ) => {
      // EventEmitter's typings resolve a listener's type only for a literal event name.
      const typed = listener as never;
      events.on(name, typed);
      this.unsubscribe.push(() => events.off(name, typed));
    };
    // Title, tags, priorities, status, archive: the document's entry and its threads' facets.
    on('documentChanged', (doc) => this.markDocument(doc.id, { threads: true }));
    on('threadChanged', ({ thread }) =>
      this.queue.mark(`thread:${thread.id}`, () => indexThread(ctx, thread.id)),
    );
    on('workshopOutcomeAdded', (outcome) => this.markWorkshop(outcome.workshopId));
    on('workshopStatusChanged', (workshop) => this.markWorkshop(workshop.id));
    on('workshopChanged', (workshop) => this.markWorkshop(workshop.id));
  }

  /**
   * The document state repo the rooms write through: each stored append marks its document.
   * After the write, so a document is read only once what it is read for is stored.
   */
  watchWrites(repo: DocumentStateRepo): DocumentStateRepo {
    return {
      append: async (documentId, updates) => {
        const seq = await repo.append(documentId, updates);
        this.markDocument(documentId, { threads: false });
        return seq;
      },
      load: (documentId) => repo.load(documentId),
      // Every argument passed on: the fence is what refuses a stale process's snapshot.
      compact: (...args) => repo.compact(...args),
    };
  }

  /**
   * Reads the documents open on this process from their rooms: a walk of the live doc instead of
   * a rebuild from the store (decision 0100).
   */
  readOpenDocumentsThrough(open: Pick<LiveDocuments, 'readOpen'>) {
    this.open = open;
  }

  markDocument(documentId: string, options: { threads: boolean }) {
    // A metadata change waiting with threads is not downgraded by a later text edit.
    const key = `document:${documentId}`;
    const threads = options.threads || this.withThreads.has(key);
    if (threads) this.withThreads.add(key);
    this.queue.mark(key, async () => {
      this.withThreads.delete(key);
      await indexDocument(this.ctx, documentId, { threads, open: this.open });
    });
  }
  private readonly withThreads = new Set<string>();

  private markWorkshop(workshopId: string) {
    this.queue.mark(`workshop:${workshopId}`, () => indexWorkshopDecisions(this.ctx, workshopId));
  }

  /** Indexes everything marked so far, now (tests, and before a shutdown). */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** Stops listening, then indexes what is still pending: nothing marked is lost. */
  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    await this.queue.close();
  }
}
