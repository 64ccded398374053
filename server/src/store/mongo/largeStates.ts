import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mongo, type Connection } from 'mongoose';
import type { Logger } from 'pino';
import { fromBinary, toBuffer } from './bytes.js';

/**
 * Yjs states past MongoDB's 16 MiB document limit (decision 0050).
 *
 * A state up to INLINE_STATE_LIMIT stays inline in its owner's document (one read, the common
 * case). A larger one goes to GridFS (bucket `stateFiles`, one file per state, named after its
 * owner) and the owner's document holds only the file's id. The owner's document is the commit
 * point: a file is written completely BEFORE any document points at it, and the file it replaced
 * is deleted only AFTER. So a crash mid-upload leaves chunks that nothing references (GridFS
 * writes the file entry last), a crash after it leaves a complete file that nothing references:
 * neither is ever read. `sweep` removes such leftovers of one owner on its next write.
 */

/** Past this, a state is stored in GridFS: far enough below 16 MiB for the document's other fields. */
export const INLINE_STATE_LIMIT = 8 * 1024 * 1024;
/** GridFS chunk size: few round trips for a 40 MiB state, each chunk far below 16 MiB. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** A file of an owner that nothing references may still be on its way to being committed. */
const LEFTOVER_AGE_MS = 10 * 60 * 1000;

export const STATE_BUCKET = 'stateFiles';

/** How an owner's document holds its state: inline bytes, or the id of a GridFS file. */
export interface StoredStateRef {
  state?: unknown;
  stateFile?: mongo.ObjectId | null;
}

/** What to write into the owner's document for a state (exactly one of the two is set). */
export type StateFields =
  { state: Buffer; stateFile: null } | { state: null; stateFile: mongo.ObjectId };

export class LargeStates {
  private readonly bucket: mongo.GridFSBucket;

  constructor(
    connection: Connection,
    private readonly inlineLimit = INLINE_STATE_LIMIT,
  ) {
    if (!connection.db) throw new Error('LargeStates needs an open connection');
    this.bucket = new mongo.GridFSBucket(connection.db, {
      bucketName: STATE_BUCKET,
      chunkSizeBytes: CHUNK_BYTES,
    });
  }

  /** Stores `bytes` for `owner` (e.g. `snapshot/<documentId>`): inline, or as a complete file. */
  async put(owner: string, bytes: Uint8Array): Promise<StateFields> {
    if (bytes.byteLength <= this.inlineLimit) return { state: toBuffer(bytes), stateFile: null };
    const upload = this.bucket.openUploadStream(owner);
    await pipeline(Readable.from([toBuffer(bytes)]), upload);
    return { state: null, stateFile: upload.id as mongo.ObjectId };
  }

  /**
   * The state an owner's document points at, or null when its file is gone: a concurrent
   * replacement committed and deleted it after the document was read (the caller reads again).
   */
  async get(ref: StoredStateRef): Promise<Uint8Array | null> {
    if (!ref.stateFile) return ref.state == null ? null : fromBinary(ref.state);
    const parts: Buffer[] = [];
    try {
      for await (const part of this.bucket.openDownloadStream(ref.stateFile)) {
        parts.push(part as Buffer);
      }
    } catch (err) {
      // Gone before the read (FileNotFound) or during it (a chunk missing): a replacement won.
      // A missing chunk of a file that is still there is damage, and is said so.
      const gone =
        (err as { code?: unknown }).code === 'ENOENT' ||
        (err instanceof mongo.MongoGridFSChunkError && !(await this.exists(ref.stateFile)));
      if (gone) return null;
      throw err;
    }
    return new Uint8Array(Buffer.concat(parts));
  }

  private async exists(fileId: mongo.ObjectId): Promise<boolean> {
    return (await this.bucket.find({ _id: fileId }, { limit: 1 }).toArray()).length > 0;
  }

  /** Deletes a file no document points at any more (a replaced state, an abandoned write). */
  async remove(fileId: mongo.ObjectId | null | undefined): Promise<void> {
    if (!fileId) return;
    try {
      await this.bucket.delete(fileId);
    } catch (err) {
      // Already gone: a concurrent sweep or replacement got there first.
      if (!(err instanceof mongo.MongoRuntimeError && /not found/i.test(err.message))) throw err;
    }
  }

  /**
   * Removes `owner`'s files other than `keep` that are old enough not to be a write still in
   * progress: what a crash between upload and commit left behind.
   */
  async sweep(owner: string, keep: mongo.ObjectId | null, logger?: Logger): Promise<void> {
    const before = new Date(Date.now() - LEFTOVER_AGE_MS);
    const leftovers = await this.bucket
      .find({ filename: owner, uploadDate: { $lt: before } }, { projection: { _id: 1 } })
      .toArray();
    for (const file of leftovers) {
      if (keep && file._id.equals(keep)) continue;
      await this.remove(file._id);
      logger?.info({ owner, fileId: String(file._id) }, 'removed a state file nothing pointed at');
    }
  }
}
