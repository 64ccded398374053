/**
 * Cold load (issue 18): how soon after a restart a document with a 100k-edit typing history
 * answers its first client. The history is typed into a real Room on a real SQLite file and
 * stored as the server stores it (log entries, then compacted into a snapshot, as
 * DocumentWriter.compact does); then each run starts a fresh Node process (no JIT, no caches,
 * as after a restart), warms it on a small document as a running server would be, and times
 * RoomManager.open → the first sync step 2 written to a socket, through a real
 * CollabConnection whose client sends an empty state vector (a browser opening the document).
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { COLLAB_MESSAGE, type CollabCloseCode } from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { pino } from 'pino';
import type { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CollabConnection } from '../../src/collab/CollabConnection.js';
import { Room, type RoomMember } from '../../src/collab/Room.js';
import { RoomManager } from '../../src/collab/RoomManager.js';
import { createRoomRules } from '../../src/collab/roomRules.js';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.js';
import {
  buildDocument,
  buildOrganisation,
  buildUser,
  buildWorkingGroup,
} from '../../src/testing/factories.js';
import { generateHistory } from '../history.js';
import { percentile } from '../stats.js';
import { runWhenMain, type StoreBenchOptions, type StoreBenchRow } from './measure.js';

const TARGET_MS = 50;
const silent = pino({ level: 'silent' });

/** What one fresh process measured on one document. */
interface ColdSample {
  /** RoomManager.open called → first sync step 2 written. */
  firstStep2Ms: number;
  /** RoomManager.open called → the room's doc holds the stored state. */
  loadedMs: number;
  /** The first client's copy (from the messages it was sent) equals the stored document. */
  sameDocument: boolean;
}

/** A socket as CollabConnection uses it; it records what is sent and when. */
class RecordingSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  binaryType = 'nodebuffer';
  readonly sent: { at: number; bytes: Uint8Array }[] = [];
  send(bytes: Uint8Array) {
    this.sent.push({ at: performance.now(), bytes: new Uint8Array(bytes) });
  }
  close() {
    this.readyState = 3;
    this.emit('close');
  }
  terminate() {
    this.close();
  }
}

function syncTypeOf(message: Uint8Array): number | null {
  const d = decoding.createDecoder(message);
  return decoding.readVarUint(d) === COLLAB_MESSAGE.sync ? decoding.readVarUint(d) : null;
}

function emptyStep1(): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** The document a client holds after applying every sync message it was sent. */
function replay(messages: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const m of messages) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== COLLAB_MESSAGE.sync) continue;
    const type = decoding.readVarUint(d);
    if (type === syncProtocol.messageYjsSyncStep1) continue;
    Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  }
  return doc;
}

const textOf = (doc: Y.Doc) => doc.getXmlFragment(FRAGMENT_NAME).toString();

/** One client opening `documentId` in a fresh RoomManager; resolves once its doc is loaded. */
async function openOnce(rooms: RoomManager, documentId: string): Promise<ColdSample> {
  const ws = new RecordingSocket();
  const connection = new CollabConnection(
    ws as unknown as WebSocket,
    { userId: 'u', sessionId: 's', documentId, presence: { name: 'U', color: '#000' } as never },
    false,
    silent,
    () => undefined,
  );
  const started = performance.now();
  // As CollabServer joins: the connection may be answered before the doc has loaded.
  const opening = rooms.open(
    documentId,
    (room) => {
      connection.attach(room);
      return room;
    },
    { beforeLoad: true },
  );
  // The client's sync step 1 arrives from the network after the upgrade, on a later turn.
  setImmediate(() => ws.emit('message', emptyStep1(), true));
  const room = await opening;
  const loaded = await whenLoaded(room);
  const isStep2 = (s: { bytes: Uint8Array }) =>
    syncTypeOf(s.bytes) === syncProtocol.messageYjsSyncStep2;
  for (let i = 0; i < 1000 && !ws.sent.some(isStep2); i++) await new Promise(setImmediate);
  const step2 = ws.sent.find(isStep2);
  if (!step2) throw new Error('no sync step 2 was sent');
  const client = replay(ws.sent.map((s) => s.bytes));
  const sameDocument = textOf(client) === textOf(room.doc);
  client.destroy();
  connection.close(1000 as CollabCloseCode, 'done');
  await rooms.closeAll();
  return {
    firstStep2Ms: step2.at - started,
    loadedMs: loaded - started,
    sameDocument,
  };
}

/** When the room's doc held its stored state (at once for a room that loads as it opens). */
async function whenLoaded(room: Room): Promise<number> {
  const lazy = room as unknown as { loaded?: boolean };
  while (lazy.loaded === false) await new Promise((r) => setImmediate(r));
  return performance.now();
}

/** Types `history` into a room as one editor would, then stores it compacted. */
async function storeHistory(store: SqliteStore, documentId: string, updates: Uint8Array[]) {
  const stored = await store.documentState.load(documentId);
  const room = new Room(documentId, stored!, store.documentState, silent, createRoomRules());
  const editor: RoomMember = { userId: 'editor', send: () => undefined, close: () => undefined };
  room.addMember(editor);
  for (const update of updates) {
    room.applyUpdate(update, editor);
    await room.drain();
  }
  const { updates: log } = (await store.documentState.load(documentId))!;
  // What DocumentWriter.compact does (one process): the live doc up to the last entry.
  await store.documentState.compact(documentId, Y.encodeStateAsUpdate(room.doc), log.at(-1)!.seq);
  await room.destroy();
}

/** A typing session after the snapshot: one log entry per keystroke, short of a compaction. */
async function typeAfterSnapshot(store: SqliteStore, documentId: string, keystrokes: number) {
  const stored = (await store.documentState.load(documentId))!;
  const typist = new Y.Doc();
  typist.clientID = 424242;
  Y.applyUpdate(typist, stored.snapshot!);
  const updates: Uint8Array[] = [];
  typist.on('update', (u: Uint8Array) => updates.push(u));
  const text = typist.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement;
  const target = text.get(0) as Y.XmlText;
  for (let i = 0; i < keystrokes; i++) target.insert(target.length, 'abcdefghij'[i % 10]!);
  const room = new Room(documentId, stored, store.documentState, silent, createRoomRules());
  const editor: RoomMember = { userId: 'editor', send: () => undefined, close: () => undefined };
  room.addMember(editor);
  for (const update of updates) {
    room.applyUpdate(update, editor);
    await room.drain();
  }
  await room.destroy();
  typist.destroy();
}

async function prepare(file: string, edits: number, log: (line: string) => void) {
  const started = performance.now();
  const history = generateHistory(edits, { chunkEdits: 100 });
  const store = new SqliteStore(file);
  const org = buildOrganisation();
  const user = buildUser({ organisationId: org.id });
  const group = buildWorkingGroup();
  await store.organisations.create(org);
  await store.users.create(user);
  await store.workingGroups.create(group);
  const ids = { small: '', compacted: '', withLog: '' };
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const doc = buildDocument({ workingGroupId: group.id, createdBy: user.id, title: key });
    await store.documents.create(doc, Y.encodeStateAsUpdate(new Y.Doc()));
    ids[key] = doc.id;
  }
  await storeHistory(store, ids.small, generateHistory(500, { chunkEdits: 10 }).chunks);
  await storeHistory(store, ids.compacted, history.chunks);
  await storeHistory(store, ids.withLog, history.chunks);
  await typeAfterSnapshot(store, ids.withLog, 499);
  await store.close();
  log(
    `coldload: ${history.edits} edits stored twice (compacted; compacted + 499 entries) in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return ids;
}

/** In a fresh process: warm up on the small document, then open the long one once. */
async function child(file: string, warmId: string, documentId: string): Promise<ColdSample> {
  const store = new SqliteStore(file);
  try {
    for (let i = 0; i < 3; i++) {
      await openOnce(new RoomManager(store.documentState, silent, createRoomRules()), warmId);
    }
    const rooms = new RoomManager(store.documentState, silent, createRoomRules());
    return await openOnce(rooms, documentId);
  } finally {
    await store.close();
  }
}

function inFreshProcess(file: string, warmId: string, documentId: string): Promise<ColdSample> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['--child', file, warmId, documentId], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    proc.once('message', (m) => resolve(m as ColdSample));
    proc.once('error', reject);
    proc.once('exit', (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
  });
}

export async function runColdLoadBench(options: StoreBenchOptions): Promise<StoreBenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polisee-coldload-'));
  const runs = options.quick ? 3 : 9;
  const edits = options.quick ? 20_000 : 100_000;
  try {
    const file = path.join(dir, 'polisee.db');
    const ids = await prepare(file, edits, options.log);
    const rows: StoreBenchRow[] = [];
    const cases = [
      ['compacted', ids.compacted, 'snapshot only'],
      ['compacted + log', ids.withLog, 'snapshot + 499 log entries'],
    ] as const;
    for (const [name, id, stored] of cases) {
      const samples: ColdSample[] = [];
      for (let i = 0; i < runs; i++) samples.push(await inFreshProcess(file, ids.small, id));
      if (!samples.every((s) => s.sameDocument))
        throw new Error(`coldload ${name}: a first client got a different document`);
      const size = `${edits.toLocaleString('en')} edits, ${stored}`;
      const first = samples.map((s) => s.firstStep2Ms);
      const loaded = samples.map((s) => s.loadedMs);
      options.log(`coldload ${name}: first step 2 ${first.map((v) => v.toFixed(1)).join(', ')} ms`);
      rows.push({
        case: `ready for the first client (${name})`,
        size,
        runs,
        p50: percentile(first, 50),
        p99: percentile(first, 99),
        target: TARGET_MS,
      });
      rows.push({
        case: `doc loaded (${name})`,
        size,
        runs,
        p50: percentile(loaded, 50),
        p99: percentile(loaded, 99),
        target: null,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [file, warmId, documentId] = process.argv.slice(3) as [string, string, string];
  child(file, warmId, documentId)
    .then((sample) => process.send!(sample, () => process.exit(0)))
    .catch((err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    });
} else {
  runWhenMain(import.meta.url, runColdLoadBench);
}
