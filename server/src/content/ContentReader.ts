import { Piscina } from 'piscina';
import type * as Y from 'yjs';
import type { StoredDocumentState } from '../store/ports.js';
import { workerFile } from '../threads/workerFile.js';
import readStoredContent, {
  readContent,
  type GrowingDocument,
  type ReadContent,
  type StoredStateBytes,
} from './contentWorker.js';

/**
 * States larger than this are read in a worker thread. Rebuilding a Y.Doc and converting it to
 * ProseMirror JSON costs ~0.3 s per MiB of state here: a document near the 16 MiB budget read
 * on the main thread used to hold every other user's request for seconds. Small documents
 * (almost all of them) stay inline, where a thread hop would only add latency.
 */
export const OFF_THREAD_ABOVE_BYTES = 256 * 1024;
/**
 * The same for background work (the search index, a version's links), which nobody waits for:
 * read inline it blocked the event loop of every live room for up to ~180 ms at a time while
 * 200 editors typed into a growing document (the indexer reads it every 1.5 s), and that was
 * the p99 the independent harness of issue 18 measured. ~16 KB costs a few ms inline.
 */
export const BACKGROUND_OFF_THREAD_ABOVE_BYTES = 16 * 1024;

/**
 * Open documents with at most this many structs (items and collected ranges) are read by walking
 * their live doc inline. Short paragraphs take the most structs per stored byte, and 16 KB of
 * them (BACKGROUND_OFF_THREAD_ABOVE_BYTES) is ~800–950 structs: the documents read on the main
 * thread stay the ones that were, and each read costs a fraction of the rebuild it replaces (the
 * walk is 0.05–1.6 µs per struct here, a rebuild 3–1,000 times that; decision 0100).
 */
export const LIVE_WALK_MAX_STRUCTS = 1_000;

const CONTENT_WORKER = workerFile(import.meta.url, {
  source: 'contentWorker',
  bundled: 'content-worker',
});

/** Reads stored documents' content, off the main thread when they are large. */
export class ContentReader {
  /** Reads someone waits for (an export, a version's view) and background reads, apart. */
  private requestPool: Piscina | null = null;
  private backgroundPool: Piscina | null = null;

  constructor(
    private readonly offThreadAboveBytes = OFF_THREAD_ABOVE_BYTES,
    private readonly backgroundOffThreadAboveBytes = BACKGROUND_OFF_THREAD_ABOVE_BYTES,
    private readonly liveWalkMaxStructs = LIVE_WALK_MAX_STRUCTS,
  ) {}

  /** `background`: nobody waits for the answer, so only small states are read inline. */
  async read(state: StoredStateBytes, { background = false } = {}): Promise<ReadContent> {
    const bytes = byteLength(state);
    const limit = background ? this.backgroundOffThreadAboveBytes : this.offThreadAboveBytes;
    if (bytes <= limit) return readStoredContent(state);
    const pool = background ? this.backgroundThreads() : this.requestThreads();
    return (await pool.run(state)) as ReadContent;
  }

  /**
   * A background read of a document that is read again as it grows: the search index of one
   * being edited. Off the main thread, the rebuilt document is kept there between reads, and
   * the next read applies only the log entries stored since (decision 0099).
   */
  async readGrowing(documentId: string, stored: StoredDocumentState): Promise<ReadContent> {
    const state = { snapshot: stored.snapshot, updates: stored.updates.map((u) => u.update) };
    if (byteLength(state) <= this.backgroundOffThreadAboveBytes) return readStoredContent(state);
    const task: GrowingDocument = { documentId, stored };
    return (await this.backgroundThreads().run(task, {
      name: 'readGrowingContent',
    })) as ReadContent;
  }

  /**
   * Reads a document that is open here from its live doc, inline, when it is small enough to walk
   * within a background read's budget on the main thread; null when it is not (read it from the
   * store, off the thread). The doc is only read, never kept.
   */
  readOpen(ydoc: Y.Doc): ReadContent | null {
    if (structCount(ydoc) > this.liveWalkMaxStructs) return null;
    return readContent(ydoc);
  }

  /** Whether any read went to a worker thread (a pool starts with its first one). */
  get usedThreads(): boolean {
    return this.requestPool !== null || this.backgroundPool !== null;
  }

  /** Started on the first large read only: most processes never need a thread. */
  private requestThreads(): Piscina {
    // Reads are rare and large: one or two threads, gone when idle.
    this.requestPool ??= new Piscina({
      ...CONTENT_WORKER,
      minThreads: 0,
      maxThreads: 2,
      idleTimeout: 30_000,
    });
    return this.requestPool;
  }

  private backgroundThreads(): Piscina {
    this.backgroundPool ??= new Piscina({
      ...CONTENT_WORKER,
      // The search indexer reads one document at a time.
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 30_000,
      // The lowest CPU priority (Linux, through Piscina's @napi-rs/nice). A background read
      // shares the core with the live rooms' event loop, and at equal priority the scheduler
      // handed it slices of several ms in the middle of their fan-out (issue 18, N = 200).
      // Nobody waits on it: it takes what the rooms leave.
      niceIncrement: 19,
    });
    return this.backgroundPool;
  }

  async close() {
    const pools = [this.requestPool, this.backgroundPool];
    this.requestPool = null;
    this.backgroundPool = null;
    await Promise.all(pools.map((pool) => pool?.destroy()));
  }
}

function byteLength({ snapshot, updates }: StoredStateBytes): number {
  return (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0);
}

/**
 * Items and garbage-collected ranges in the doc: what a walk visits at most. One array length per
 * client that ever wrote to it, so it costs nothing beside the walk.
 */
function structCount(ydoc: Y.Doc): number {
  let count = 0;
  for (const structs of ydoc.store.clients.values()) count += structs.length;
  return count;
}
