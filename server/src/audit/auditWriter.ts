import type { AuditEntry } from '@polisee/domain';
import type { Logger } from 'pino';
import type { AuditRepo } from './store/port.js';

/** Retries back off from 1 s to at most 30 s: a store outage is waited out, not hammered. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/**
 * Entries held while the store refuses writes. Past it the oldest is dropped, logged in full at
 * `fatal`: memory must stay bounded through a long outage, and the log line is then the record.
 */
export const AUDIT_QUEUE_LIMIT = 10_000;

/**
 * Writes audit entries one at a time, in the order they were recorded (decision 0061). A failed
 * write is logged as an error with the entry, and retried, with the entries after it waiting
 * behind: the governance action that caused it has already happened and is not undone, and its
 * entry is neither lost silently nor stored out of order.
 */
export class AuditWriter {
  private readonly queue: { entry: AuditEntry; written: () => void }[] = [];
  private draining: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private closed = false;

  constructor(
    private readonly repo: AuditRepo,
    private readonly logger: Logger,
  ) {}

  /** Queues the entry; resolves once it is stored or, after a failed write, waiting for a retry. */
  write(entry: AuditEntry): Promise<void> {
    return new Promise((resolve) => {
      if (this.queue.length >= AUDIT_QUEUE_LIMIT) {
        const dropped = this.queue.shift()!;
        this.logger.fatal({ auditEntry: dropped.entry }, 'audit queue full: entry not stored');
        dropped.written();
      }
      this.queue.push({ entry, written: resolve });
      // During an outage the caller does not wait for it to end: the entry waits in line.
      if (this.retryTimer) resolve();
      else void this.drain();
    });
  }

  /** How many entries wait to be stored. */
  get pending(): number {
    return this.queue.length;
  }

  /** Tries once more to store what waits (shutdown), then logs whatever is still unstored. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.drain();
    for (const { entry, written } of this.queue.splice(0)) {
      this.logger.fatal({ auditEntry: entry }, 'audit entry not stored before shutdown');
      written();
    }
  }

  private drain(): Promise<void> {
    this.draining ??= this.writeAll().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async writeAll(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      try {
        await this.repo.append(head.entry);
      } catch (err) {
        this.logger.error({ err, auditEntry: head.entry }, 'audit entry not stored yet: retrying');
        head.written(); // the caller goes on; the entry stays first in line
        if (!this.closed) this.scheduleRetry();
        return;
      }
      this.queue.shift();
      head.written();
      this.retryMs = FIRST_RETRY_MS;
    }
  }

  private scheduleRetry() {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.drain();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
