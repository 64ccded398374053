import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { DocumentStateRepo } from '../store/ports.js';
import type { CompactionLeases } from './compactionLeases.js';
import { isReadableUpdate } from './storedState.js';

/**
 * Every accepted update is on disk within ~100 ms: updates are buffered for at most
 * FLUSH_WINDOW_MS and written as one merged log entry. (Hocuspocus debounced saves by up to
 * 10 s and lost whatever a crash caught in that window.)
 */
export const FLUSH_WINDOW_MS = 50;
/** Compact the log into a snapshot past this many entries or bytes: keeps cold loads fast. */
export const COMPACT_AFTER_ENTRIES = 500;
export const COMPACT_AFTER_BYTES = 1024 * 1024;
/**
 * A room that closes with at least this much log compacts it first. A client that opens a
 * document holding nothing is answered from the stored bytes, and every log entry in them is
 * decoded first to leave out unreadable ones (~0.25 ms per KB here: a 340 KB history in the log
 * held that answer ~85 ms); a snapshot is sent as it is. Compacting on close keeps the next cold
 * open of a document, after a restart too, within a few ms, at no cost while it is edited.
 */
export const COMPACT_ON_CLOSE_BYTES = 64 * 1024;
/**
 * Updates are merged into log entries of at most this size: an entry is one MongoDB document,
 * which holds at most 16 MiB, and a burst of large pastes must never build one past it.
 */
export const MAX_LOG_ENTRY_BYTES = 4 * 1024 * 1024;
/** A failed write is retried, never dropped; the delay grows to this cap. */
const MAX_RETRY_DELAY_MS = 2000;
/** A write still unanswered after this long tells the editors that storage is behind. */
export const SLOW_WRITE_MS = 2000;

/**
 * Whether everything accepted is on disk (`saved`), or storage is failing or too slow and
 * accepted changes are held in memory and retried (`behind`). Never `saved` while a change
 * that failed to write is still held.
 */
export type SaveState = 'saved' | 'behind';

export class DocumentWriter {
  private pending: Uint8Array[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private retryDelay = FLUSH_WINDOW_MS;
  private logEntries: number;
  private logBytes: number;
  private lastSeq: number;
  private closed = false;
  private lastFlushFailed = false;
  private state: SaveState = 'saved';
  private slowTimer: NodeJS.Timeout | null = null;
  /** Set while other processes append to the same log (scale-out): see compact(). */
  private leases: CompactionLeases | null = null;

  constructor(
    private readonly documentId: string,
    private readonly repo: DocumentStateRepo,
    private readonly snapshotOf: () => Uint8Array,
    private readonly logger: Logger,
    initial: { logEntries: number; logBytes: number; lastSeq: number },
    private readonly onSaveState: (state: SaveState) => void = () => undefined,
  ) {
    this.logEntries = initial.logEntries;
    this.logBytes = initial.logBytes;
    this.lastSeq = initial.lastSeq;
  }

  /**
   * Several processes write this document's log from now on, compacting it in turn under
   * these leases (null: again only this one).
   */
  shareLog(leases: CompactionLeases | null) {
    this.leases = leases;
  }

  get saveState(): SaveState {
    return this.state;
  }

  private setState(state: SaveState) {
    if (state === this.state) return;
    this.state = state;
    if (state === 'saved') this.logger.info({ documentId: this.documentId }, 'storage caught up');
    this.onSaveState(state);
  }

  get hasPendingWrites(): boolean {
    return this.pending.length > 0 || this.flushing !== null;
  }

  enqueue(update: Uint8Array): void {
    if (this.closed) throw new Error('writer closed');
    this.pending.push(update);
    this.schedule(FLUSH_WINDOW_MS);
  }

  /** Resolves once everything enqueued so far is durable. */
  async drain(): Promise<void> {
    while (this.hasPendingWrites) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      await (this.flushing ?? this.flush());
      // After a failed write, wait before trying again rather than spinning.
      if (this.lastFlushFailed) await new Promise((r) => setTimeout(r, this.retryDelay));
    }
  }

  /** Drains, then refuses further writes; clears every timer. */
  /**
   * Writes what is pending, then (with `compact`, for a doc that holds the stored state) compacts
   * a log past COMPACT_ON_CLOSE_BYTES. Never for a doc that did not load: its snapshot would be
   * empty.
   */
  async close({ compact = false } = {}): Promise<void> {
    await this.drain();
    if (compact && !this.lastFlushFailed && this.logBytes >= COMPACT_ON_CLOSE_BYTES)
      await this.compact();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number) {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.length === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    this.flushing = (async () => {
      const entries = logEntriesOf(batch);
      this.slowTimer = setTimeout(() => this.setState('behind'), SLOW_WRITE_MS);
      try {
        this.lastSeq = await this.repo.append(this.documentId, entries);
        this.logEntries += entries.length;
        this.logBytes += entries.reduce((n, e) => n + e.byteLength, 0);
        this.retryDelay = FLUSH_WINDOW_MS;
        this.lastFlushFailed = false;
        if (this.logEntries >= COMPACT_AFTER_ENTRIES || this.logBytes >= COMPACT_AFTER_BYTES) {
          await this.compact();
        }
      } catch (err) {
        // Keep the batch, in order, ahead of anything that arrived meanwhile: nothing is dropped.
        this.pending = [...batch, ...this.pending];
        this.lastFlushFailed = true;
        this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_DELAY_MS);
        this.logger.error(
          { err, documentId: this.documentId },
          'writing document updates failed; retrying',
        );
      } finally {
        clearTimeout(this.slowTimer!);
        this.slowTimer = null;
        this.flushing = null;
      }
      // A success wrote every change that had failed before (they lead each batch): what is
      // pending now is only newer, not failed.
      this.setState(this.lastFlushFailed ? 'behind' : 'saved');
      if (this.pending.length > 0 && !this.closed) this.schedule(this.retryDelay);
    })();
    return this.flushing;
  }

  /**
   * The snapshot is taken from the live document, which holds at least every update up to
   * lastSeq that this process wrote (it may hold newer ones still pending: re-applying those
   * later is idempotent). When other processes append to the same log, one of them at a time
   * compacts it, under a lease whose fencing token the store checks; entries may be theirs and
   * not yet here, so everything stored (snapshot and whole log) is merged in after the lease is
   * taken. Without the lease this process leaves compaction to its holder and tries again after
   * as many entries more.
   */
  private async compact() {
    const leases = this.leases;
    try {
      if (!leases) {
        await this.repo.compact(this.documentId, this.snapshotOf(), this.lastSeq);
      } else {
        const lease = await leases.acquire(this.documentId);
        if (lease) {
          try {
            const stored = await this.repo.load(this.documentId);
            const parts = [this.snapshotOf()];
            if (stored?.snapshot) parts.push(stored.snapshot);
            for (const { update } of stored?.updates ?? []) parts.push(update);
            // An entry the room skipped at load (decision 0068) would make the merge throw and
            // hold compaction back for good: it is left out, and dropped with the entries covered.
            const merged = Y.mergeUpdates(parts.filter(isReadableUpdate));
            const upToSeq = Math.max(this.lastSeq, stored?.updates.at(-1)?.seq ?? 0);
            await this.repo.compact(this.documentId, merged, upToSeq, lease.fence);
          } finally {
            await lease.release();
          }
        }
      }
      this.logEntries = 0;
      this.logBytes = 0;
    } catch (err) {
      this.logger.error({ err, documentId: this.documentId }, 'compaction failed; the log is kept');
    }
  }
}

/** Consecutive updates merged into entries of at most MAX_LOG_ENTRY_BYTES (one if it is larger). */
export function logEntriesOf(batch: Uint8Array[]): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let groupBytes = 0;
  const close = () => {
    if (group.length > 0) entries.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group));
    group = [];
    groupBytes = 0;
  };
  for (const update of batch) {
    if (groupBytes + update.byteLength > MAX_LOG_ENTRY_BYTES) close();
    group.push(update);
    groupBytes += update.byteLength;
  }
  close();
  return entries;
}
