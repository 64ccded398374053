import type { Database } from 'better-sqlite3';
import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import { workerFile } from '../../threads/workerFile.js';
import type { CheckpointRound } from './walCheckpointWorker.js';
import { walPagesToCopy } from './walIndex.js';

/** How often a round looks at the WAL. */
export const WAL_CHECKPOINT_EVERY_MS = 1_000;
/**
 * A round copies the WAL into the database file once it holds this many new pages (~16 MB).
 * Each copy lets the next commit start the WAL over, and that commit syncs the WAL's new header
 * on the event loop (SQLite does so at synchronous = NORMAL, for crash safety): a copy every
 * round would put an fsync on the loop every second. SQLite's default threshold is 1,000.
 */
export const WAL_CHECKPOINT_PAGES = 4_000;
/**
 * SQLite's own checkpoint, on the writing connection, past this many WAL pages (~64 MB): a
 * backstop should the thread fall behind. SQLite's default, 1,000, applies again while the
 * thread's rounds fail.
 */
export const WAL_BACKSTOP_PAGES = 16_000;
export const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;
/** The thread goes after this long without a copy to do. */
const THREAD_IDLE_MS = 30_000;

const CHECKPOINT_WORKER = workerFile(import.meta.url, {
  source: 'walCheckpointWorker',
  bundled: 'wal-checkpoint-worker',
});

/**
 * Checkpoints of a server's SQLite WAL, in a thread of their own (decision 0102). SQLite runs a
 * checkpoint on the connection whose commit filled the WAL to 1,000 pages: the event loop that
 * serves every live room then copied pages and waited for two fsyncs. With the disk busy
 * (another process writing, a shared volume) those waits took 10–115 ms here, and seconds in
 * runs where the machine's disk was contended, during which no room delivered anything. Commits
 * themselves never wait for the disk (WAL with synchronous = NORMAL): only checkpoints do.
 */
export class WalCheckpoints {
  private readonly pool: Piscina;
  private readonly timer: NodeJS.Timeout;
  private round: Promise<void> | null = null;
  private failing = false;

  private constructor(
    private readonly db: Database,
    private readonly file: string,
    private readonly logger: Logger,
    everyMs: number,
    private readonly minPages: number,
  ) {
    this.pool = new Piscina({
      ...CHECKPOINT_WORKER,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: THREAD_IDLE_MS,
    });
    db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
    this.timer = setInterval(() => {
      this.round ??= this.checkpoint().finally(() => (this.round = null));
    }, everyMs);
    this.timer.unref();
  }

  static start(
    db: Database,
    file: string,
    logger: Logger,
    { everyMs = WAL_CHECKPOINT_EVERY_MS, minPages = WAL_CHECKPOINT_PAGES } = {},
  ): WalCheckpoints {
    return new WalCheckpoints(db, file, logger, everyMs, minPages);
  }

  /** Ends the rounds and the thread, after the round under way; the database stays open. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
    await this.pool.destroy();
  }

  private async checkpoint() {
    try {
      // Read on the event loop's side, so that the thread starts only for a copy: most servers
      // most of the time have none to do, and hold no thread for it.
      const waiting = await walPagesToCopy(this.file);
      if (waiting === undefined || (waiting < this.minPages && !this.failing)) return;
      const round = (await this.pool.run(this.file)) as CheckpointRound;
      this.recovered();
      this.logger.debug(round, 'WAL checkpoint');
    } catch (err) {
      this.failed(err as Error);
    }
  }

  /** A full or failing disk: the commits stay in the WAL (durable there), retried every round. */
  private failed(err: Error) {
    if (this.failing) return;
    this.failing = true;
    this.logger.warn({ err }, 'WAL checkpoint failed: SQLite checkpoints on commits meanwhile');
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  }

  private recovered() {
    if (!this.failing) return;
    this.failing = false;
    this.logger.info('WAL checkpoints resumed in their thread');
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  }
}
