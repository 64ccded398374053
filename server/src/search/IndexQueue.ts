import type { Logger } from 'pino';

export interface IndexTiming {
  /** A burst of changes to one thing is indexed this long after its last change… */
  debounceMs: number;
  /** …but never later than this after its first, however long the burst lasts… */
  maxWaitMs: number;
  /**
   * …and never sooner after the key's last job ended than this many times that job's duration.
   * A document hundreds of people type into is read again as soon as it may be: a read that
   * takes 150 ms every 1.5 s is a tenth of a core taken from the live rooms for as long as the
   * typing lasts, and it grows with the document. Spaced by its own cost, indexing one document
   * takes at most 1 / (1 + spacing) of the time, whatever its size; a small document (a few ms)
   * is indexed as soon as before.
   */
  costSpacing: number;
}

/**
 * 500 ms after the last keystroke, 1.5 s at most after the first: with the writer's 50 ms flush
 * and a read of a few hundred milliseconds for the largest documents, an edit is searchable
 * within 2 s of being stored (issue 17) while a typist's burst is read once, not per key. A
 * document whose read takes longer than 25 ms is read again after 19 times that at the
 * earliest: one hot document's indexing takes at most a twentieth of a core (decision 0084).
 */
export const DEFAULT_INDEX_TIMING: IndexTiming = {
  debounceMs: 500,
  maxWaitMs: 1500,
  costSpacing: 19,
};

interface Pending {
  firstAt: number;
  timer: NodeJS.Timeout;
  job: () => Promise<void>;
}

/**
 * Debounced jobs by key (`document:<id>`, `thread:<id>`…), run one at a time: indexing is
 * background work and must not take more than one core's slice from the editors. A key marked
 * again while its job runs is scheduled again, so its last change is always indexed.
 */
export class IndexQueue {
  private readonly pending = new Map<string, Pending>();
  /**
   * The earliest a key's next job may start (costSpacing). Kept only for jobs slow enough for
   * it to matter beyond the debounce, and dropped once passed: a handful of large documents.
   */
  private readonly spacedUntil = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  /** While a flush waits, every job runs as soon as its turn comes, spaced or not. */
  private flushing = 0;

  constructor(
    private readonly logger: Logger,
    private readonly timing: IndexTiming = DEFAULT_INDEX_TIMING,
  ) {}

  /** Schedules `job` under `key`, replacing a job of the key still waiting. */
  mark(key: string, job: () => Promise<void>): void {
    if (this.closed) return;
    const now = Date.now();
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous.timer);
    const firstAt = previous?.firstAt ?? now;
    const debounced = Math.min(this.timing.debounceMs, firstAt + this.timing.maxWaitMs - now);
    const delay = Math.max(0, debounced, this.spacingLeft(key, now));
    this.pending.set(key, { firstAt, timer: setTimeout(() => this.run(key), delay), job });
  }

  private run(key: string): Promise<void> {
    const pending = this.pending.get(key);
    if (!pending) return this.chain;
    clearTimeout(pending.timer);
    this.pending.delete(key);
    this.chain = this.chain.then(async () => {
      const startedAt = Date.now();
      // The key's previous job may have ended only now (jobs run one at a time), and slowly.
      const wait = this.flushing > 0 ? 0 : this.spacingLeft(key, startedAt);
      if (wait > 0) {
        // A newer mark of the key is already waiting and covers this one.
        if (!this.pending.has(key))
          this.pending.set(key, { ...pending, timer: setTimeout(() => this.run(key), wait) });
        return;
      }
      try {
        await pending.job();
      } catch (err: unknown) {
        // The index is derived data: a failed job leaves one entry stale until the next change
        // or reindex, and must never reach the edit or request that caused it.
        this.logger.error({ err, key }, 'search: indexing failed');
      }
      const endedAt = Date.now();
      const spacing = (endedAt - startedAt) * this.timing.costSpacing;
      if (spacing > this.timing.debounceMs) this.spacedUntil.set(key, endedAt + spacing);
    });
    return this.chain;
  }

  private spacingLeft(key: string, now: number): number {
    const until = this.spacedUntil.get(key);
    if (until === undefined) return 0;
    if (until > now) return until - now;
    this.spacedUntil.delete(key);
    return 0;
  }

  /** Runs every waiting job now and resolves once all have finished. */
  async flush(): Promise<void> {
    this.flushing++;
    try {
      for (const key of [...this.pending.keys()]) void this.run(key);
      await this.chain;
    } finally {
      this.flushing--;
    }
  }

  /** Flushes, then takes no more jobs (shutdown: nothing marked is lost). */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
