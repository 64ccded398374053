import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { waitFor } from '../../testing/collabClient.js';
import { SqliteStore } from './SqliteStore.js';
import { walPagesToCopy } from './walIndex.js';
import {
  SQLITE_AUTOCHECKPOINT_PAGES,
  WAL_BACKSTOP_PAGES,
  WalCheckpoints,
} from './walCheckpoints.js';

const dir = mkdtempSync(path.join(tmpdir(), 'polisee-wal-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const silent = pino({ level: 'silent' });
const ROWS = 400;
const ROW_BYTES = 4_000;
let file: string;
let db: Database.Database;
let checkpoints: WalCheckpoints | undefined;

beforeEach((context) => {
  file = path.join(dir, `${context.task.id}.db`);
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE pages (body BLOB)');
});

afterEach(async () => {
  await checkpoints?.stop();
  checkpoints = undefined;
  db.close();
});

/** ~1.6 MB committed in one transaction: ~800 WAL pages, under SQLite's 1,000. */
function commitRows() {
  const insert = db.prepare('INSERT INTO pages (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(Buffer.alloc(ROW_BYTES, i % 251));
  })();
}

const databaseBytes = () => statSync(file).size;
const copied = () => databaseBytes() >= ROWS * ROW_BYTES;

it('copies the commits into the database file from its thread, never from the commit', async () => {
  checkpoints = WalCheckpoints.start(db, file, silent, { everyMs: 50, minPages: 100 });
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BACKSTOP_PAGES);

  commitRows();
  // The commit only appended to the WAL: the file holds the schema's pages alone.
  expect(copied()).toBe(false);
  await waitFor(copied, 5_000, 'the copy');
  expect(db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(ROWS);
});

it('leaves a WAL with fewer new pages than its threshold as it is', async () => {
  checkpoints = WalCheckpoints.start(db, file, silent, { everyMs: 50, minPages: 5_000 });
  commitRows();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(copied()).toBe(false);
});

it('hands checkpoints back to SQLite while its rounds fail', async () => {
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  // A wal-index with pages to copy, beside a database file that is not there: the thread fails.
  commitRows();
  const elsewhere = path.join(dir, 'missing.db');
  copyFileSync(`${file}-shm`, `${elsewhere}-shm`);
  checkpoints = WalCheckpoints.start(db, elsewhere, logger, { everyMs: 50, minPages: 100 });
  await waitFor(
    () => db.pragma('wal_autocheckpoint', { simple: true }) === SQLITE_AUTOCHECKPOINT_PAGES,
    5_000,
    "SQLite's own checkpoints",
  );
  expect(warnings.join('')).toMatch(/WAL checkpoint failed/);

  // SQLite's own checkpoint copies a WAL past 1,000 pages on the commit that fills it.
  commitRows();
  commitRows();
  expect(databaseBytes()).toBeGreaterThanOrEqual(2 * ROWS * ROW_BYTES);
});

it('reads how many WAL pages wait to be copied from the wal-index', async () => {
  expect(await walPagesToCopy(path.join(dir, 'never-opened.db'))).toBeUndefined();
  commitRows();
  // Nothing was ever copied from this WAL: every page in it waits.
  const waiting = await walPagesToCopy(file);
  expect(waiting).toBeGreaterThan(ROWS);
  const [round] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  expect(waiting).toBe(round!.log);
  expect(await walPagesToCopy(file)).toBe(0);
});

it('a server store ends its thread on close, which then checkpoints and removes the WAL', async () => {
  const storeFile = path.join(dir, 'store.db');
  const store = new SqliteStore(storeFile, { checkpointThread: { logger: silent } });
  await store.close();
  expect(existsSync(`${storeFile}-wal`)).toBe(false);
});
