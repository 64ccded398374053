import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import Database from 'better-sqlite3';

/**
 * The checkpoint thread's task (see WalCheckpoints): when the WAL holds at least `minPages` pages
 * not yet in the database file, one PASSIVE checkpoint on the thread's own connection. PASSIVE
 * never waits for the writer nor for readers: it copies what it can, the next round the rest.
 */
export interface CheckpointTask {
  file: string;
  minPages: number;
}

export interface CheckpointRound {
  /** Pages in the WAL, and how many of them are in the database file, after the round. */
  walPages: number;
  copiedPages: number;
  checkpointed: boolean;
}

// The wal-index header at the start of the `-shm` file (https://www.sqlite.org/walformat.html),
// in the machine's byte order: mxFrame, the WAL's last committed page, and nBackfill, the last
// one copied into the database file. Read without SQLite's locks: a round that reads a header
// being rewritten only decides one round early or late.
const HEADER_BYTES = 136;
const MX_FRAME_AT = 16;
const N_BACKFILL_AT = 96;

function walIndex(file: string): { walPages: number; copiedPages: number } {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(`${file}-shm`, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const read = (at: number) =>
    endianness() === 'LE' ? header.readUInt32LE(at) : header.readUInt32BE(at);
  return { walPages: read(MX_FRAME_AT), copiedPages: read(N_BACKFILL_AT) };
}

const connections = new Map<string, Database.Database>();

export default function checkpoint({ file, minPages }: CheckpointTask): CheckpointRound {
  const index = walIndex(file);
  if (index.walPages - index.copiedPages < minPages) return { ...index, checkpointed: false };
  let db = connections.get(file);
  if (!db) connections.set(file, (db = new Database(file, { fileMustExist: true })));
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return { walPages: row!.log, copiedPages: row!.checkpointed, checkpointed: true };
}
