import type { Logger } from 'pino';

export interface IndexTiming {
  /** A burst of changes to one thing is indexed this long after its last change… */
  debounceMs: number;
  /** …but never later than this after its first, however long the burst lasts. */
  maxWaitMs: number;
}

/**
 * 500 ms after the last keystroke, 1.5 s at most after the first: with the writer's 50 ms flush
 * and a read of a few hundred milliseconds for the largest documents, an edit is searchable
 * within 2 s of being stored (issue 17) while a typist's burst is read once, not per key.
 */
export const DEFAULT_INDEX_TIMING: IndexTiming = { debounceMs: 500, maxWaitMs: 1500 };

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
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

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
    const delay = Math.max(
      0,
      Math.min(this.timing.debounceMs, firstAt + this.timing.maxWaitMs - now),
    );
    const timer = setTimeout(() => this.run(key), delay);
    this.pending.set(key, { firstAt, timer, job });
  }

  private run(key: string): Promise<void> {
    const pending = this.pending.get(key);
    if (!pending) return this.chain;
    clearTimeout(pending.timer);
    this.pending.delete(key);
    this.chain = this.chain.then(() =>
      pending.job().catch((err: unknown) => {
        // The index is derived data: a failed job leaves one entry stale until the next change
        // or reindex, and must never reach the edit or request that caused it.
        this.logger.error({ err, key }, 'search: indexing failed');
      }),
    );
    return this.chain;
  }

  /** Runs every waiting job now and resolves once all have finished. */
  async flush(): Promise<void> {
    for (const key of [...this.pending.keys()]) void this.run(key);
    await this.chain;
  }

  /** Flushes, then takes no more jobs (shutdown: nothing marked is lost). */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
