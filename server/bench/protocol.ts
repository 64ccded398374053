import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The two wire dialects under test. y-websocket (our server and the reference) sends
 * `[type][payload]`; Hocuspocus prefixes every frame with the document name, answers step 1
 * with a "sync reply", and wants an auth message before anything else.
 */
export type WireDialect = 'y-websocket' | 'hocuspocus';

const MESSAGE_SYNC = 0;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const HOCUSPOCUS_AUTH_TOKEN = 0;

export interface FrameKind {
  /** 0 sync, 1 awareness, … (the outer type). */
  type: number;
  /** For sync frames: 0 step 1, 1 step 2, 2 update. */
  syncType: number | undefined;
  /** Decoder positioned after the sync sub-type, for sync frames. */
  decoder: decoding.Decoder;
}

export function classifyFrame(dialect: WireDialect, bytes: Uint8Array): FrameKind | undefined {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (dialect === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    const isSync =
      type === MESSAGE_SYNC || (dialect === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY);
    const syncType = isSync ? decoding.readVarUint(decoder) : undefined;
    return { type: isSync ? MESSAGE_SYNC : type, syncType, decoder };
  } catch {
    return undefined;
  }
}

function frame(
  dialect: WireDialect,
  docName: string,
  write: (e: encoding.Encoder) => void,
): Uint8Array {
  const encoder = encoding.createEncoder();
  if (dialect === 'hocuspocus') encoding.writeVarString(encoder, docName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeAuth(dialect: WireDialect, docName: string, token = ''): Uint8Array | null {
  if (dialect !== 'hocuspocus') return null;
  return frame(dialect, docName, (e) => {
    encoding.writeVarUint(e, HOCUSPOCUS_AUTH);
    encoding.writeVarUint(e, HOCUSPOCUS_AUTH_TOKEN);
    encoding.writeVarString(e, token);
  });
}

export function encodeSyncStep1(dialect: WireDialect, docName: string, doc: Y.Doc): Uint8Array {
  return frame(dialect, docName, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
  });
}

export function encodeSyncStep2(
  dialect: WireDialect,
  docName: string,
  doc: Y.Doc,
  remoteStateVector?: Uint8Array,
): Uint8Array {
  return frame(dialect, docName, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(e, doc, remoteStateVector);
  });
}

export function encodeUpdate(
  dialect: WireDialect,
  docName: string,
  update: Uint8Array,
): Uint8Array {
  return frame(dialect, docName, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });
}

export function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  throw new Error('unexpected websocket message payload');
}
