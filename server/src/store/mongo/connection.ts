import mongoose, { type Connection } from 'mongoose';
import { DEFAULT_OPERATION_TIMEOUT_MS } from '../../config.js';

/** How `MongoStore.open` connects. Everything has a production default. */
export interface MongoStoreOptions {
  /** Database to use instead of the one named in the URI (tests: one fresh database each). */
  dbName?: string;
  /** Default `{ w: 'majority', journal: true }`: a write is acknowledged once it survives a failover. */
  writeConcern?: { w: 'majority' | number; journal: boolean };
  /** How long to wait for a usable server before an operation (and `open`) fails. Default 10 s. */
  serverSelectionTimeoutMS?: number;
  /**
   * The bound on every operation (MONGODB_TIMEOUT_MS), default 10 s; 0 means none. See
   * `operationBounds`.
   */
  operationTimeoutMS?: number;
  /** States larger than this go to GridFS (tests lower it); default `INLINE_STATE_LIMIT`. */
  inlineStateLimit?: number;
}

export const DEFAULT_WRITE_CONCERN = { w: 'majority', journal: true } as const;
/** The socket waits this much longer than the write concern, so that a lost majority is named. */
const SOCKET_GRACE_MS = 5_000;

/**
 * The driver's bounds for one operation timeout `t` (issue 14: a write must never hang). The
 * driver (v7) dropped the client-wide `timeoutMS`, so the bound is made of the three waits a
 * write can get stuck in:
 * - `wtimeoutMS`: a replica set that lost its majority answers with a write-concern error
 *   instead of waiting forever for `w: 'majority'`;
 * - `socketTimeoutMS`: a server that stopped answering at all (a frozen process, a partition)
 *   fails the operation and drops that connection;
 * - `waitQueueTimeoutMS`: an operation queued behind those for a pooled connection gives up.
 * Index builds at start are exempt: they run on a connection opened without bounds
 * (`MongoStore.open`), because building an index on a large collection may take minutes.
 */
export function operationBounds(t: number) {
  if (t <= 0) return {};
  return { wtimeoutMS: t, socketTimeoutMS: t + SOCKET_GRACE_MS, waitQueueTimeoutMS: t };
}

/**
 * A dedicated connection (never Mongoose's global default one), so that several stores can live
 * in one process (tests, store:copy) and nothing else can reach the models by name.
 *
 * - `autoIndex`/`autoCreate` off: collections and indexes are made once, explicitly, by
 *   `MongoStore.open` (`createDeclaredIndexes`), never as a side effect of the first query.
 * - `sanitizeFilter`: a filter value that is an object with `$` keys is wrapped in `$eq`, so a
 *   request body such as `{"email": {"$ne": null}}` can never become an operator. The adapter's
 *   own operators are marked with `mongoose.trusted()` (see `q.ts`).
 * - `bufferCommands` off: while disconnected an operation fails at once instead of queueing.
 * - The write concern applies to every write of the connection (and wins over the URI's).
 */
export async function connect(uri: string, options: MongoStoreOptions = {}): Promise<Connection> {
  const writeConcern = options.writeConcern ?? DEFAULT_WRITE_CONCERN;
  const connection = mongoose.createConnection(uri, {
    ...(options.dbName ? { dbName: options.dbName } : {}),
    autoIndex: false,
    autoCreate: false,
    sanitizeFilter: true,
    bufferCommands: false,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    // Top-level `w`/`journal` (not `writeConcern: {…}`): for the same key the driver prefers
    // this object over the URI, so a `?w=1` left in MONGODB_URI cannot weaken it.
    w: writeConcern.w,
    journal: writeConcern.journal,
    ...operationBounds(options.operationTimeoutMS ?? DEFAULT_OPERATION_TIMEOUT_MS),
  });
  try {
    return await connection.asPromise();
  } catch (err) {
    await connection.close(true).catch(() => undefined);
    throw err;
  }
}

/** A MongoDB duplicate-key error (E11000), optionally on an index that covers `field`. */
export function isDuplicateKey(err: unknown, field?: string): boolean {
  const e = err as { code?: unknown; keyPattern?: Record<string, unknown>; message?: unknown };
  if (e?.code !== 11000) return false;
  if (!field) return true;
  if (e.keyPattern) return field in e.keyPattern;
  return typeof e.message === 'string' && e.message.includes(field);
}
