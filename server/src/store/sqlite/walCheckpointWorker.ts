import Database from 'better-sqlite3';

/**
 * The checkpoint thread's task (see WalCheckpoints): one PASSIVE checkpoint of `file` on the
 * thread's own connection. PASSIVE never waits for the writer nor for readers: it copies what
 * it can, and a later round the rest.
 */
export interface CheckpointRound {
  /** Pages in the WAL, and how many of them are in the database file, after the round. */
  walPages: number;
  copiedPages: number;
}

/** Each store has a pool of its own, so a thread only ever checkpoints one file. */
let db: Database.Database | undefined;

export default function checkpoint(file: string): CheckpointRound {
  db ??= new Database(file, { fileMustExist: true });
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return { walPages: row!.log, copiedPages: row!.checkpointed };
}
