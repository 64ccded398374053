import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRoomRules } from '../collab/roomRules.js';
import { RELAYED } from '../collab/Room.js';
import { RoomManager } from '../collab/RoomManager.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { waitFor } from '../testing/collabClient.js';
import { seedStoreDocument } from '../testing/factories.js';
import { useTestRedis } from '../testing/redisFixture.js';
import { insertTestText, testText } from '../testing/testText.js';
import { documentStreamKey } from './documentStreams.js';
import { startScaleOut } from './startScaleOut.js';

const silent = pino({ level: 'silent' });

/** One "process": its rooms, joined to the others as the server joins them (startScaleOut). */
async function processOn(redisUrl: string, store: SqliteStore) {
  const rooms = new RoomManager(store.documentState, silent, createRoomRules());
  const scaleOut = await startScaleOut(redisUrl, rooms, store.documentState, silent);
  return {
    rooms,
    async close() {
      await scaleOut.close();
      await rooms.closeAll();
    },
  };
}

/**
 * Two processes' relays on one real redis-server and one SQLite store: how changes travel
 * through a document's stream, merged on the way out and applied as one transaction per read.
 */
describe('RoomRelay', () => {
  const shared = useTestRedis();
  let store: SqliteStore;
  let processes: Awaited<ReturnType<typeof processOn>>[];

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    processes = await Promise.all([
      processOn(shared.redis.url, store),
      processOn(shared.redis.url, store),
    ]);
  });
  afterEach(async () => {
    await Promise.all(processes.map((p) => p.close()));
    await store.close();
  });

  async function openOnBoth() {
    const { doc } = await seedStoreDocument(store, Y.encodeStateAsUpdate(new Y.Doc()));
    const [a, b] = await Promise.all(processes.map((p) => p.rooms.open(doc.id)));
    return { documentId: doc.id, a: a!, b: b! };
  }

  it('sends changes that queue up behind an append as one merged entry', async () => {
    const { documentId, a, b } = await openOnBoth();
    // Twenty changes in one turn: the first append is on its way while the rest queue.
    for (let i = 0; i < 20; i++)
      a.doc.transact(() => insertTestText(a.doc, 0, `w${i} `), Symbol('server'));
    await waitFor(() => testText(b.doc) === testText(a.doc));
    const entries = await shared.commands.xlen(documentStreamKey(documentId));
    expect(entries).toBeLessThan(20);
    expect(entries).toBeGreaterThanOrEqual(1);
  });

  it('applies what one read brings in one transaction, skipping an entry it cannot read', async () => {
    const { documentId, a, b } = await openOnBoth();
    const key = documentStreamKey(documentId);
    // Written straight to the stream as a third process would, in one round trip so that
    // b reads them together: a good change, a corrupt one, another good one.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(a.doc));
    const changes: Uint8Array[] = [];
    for (const word of ['first ', 'second ']) {
      const before = Y.encodeStateVector(other);
      insertTestText(other, 0, word);
      changes.push(Y.encodeStateAsUpdate(other, before));
    }
    let transactions = 0;
    b.doc.on('afterTransaction', (tr) => {
      if (tr.origin === RELAYED) transactions++;
    });
    const corrupt = Buffer.from([0xff, 0xff, 0xff, 0x01]);
    await shared.commands
      .multi()
      .xadd(key, '*', 'p', 'third', 'k', 'u', 'd', Buffer.from(changes[0]!))
      .xadd(key, '*', 'p', 'third', 'k', 'u', 'd', corrupt)
      .xadd(key, '*', 'p', 'third', 'k', 'u', 'd', Buffer.from(changes[1]!))
      .exec();
    await waitFor(() => testText(b.doc) === 'second first ');
    expect(transactions).toBe(1);
    // The process that wrote nothing of it reads it too, and is not stopped by the bad entry.
    await waitFor(() => testText(a.doc) === 'second first ');
  });

  it('takes from storage what a relayed change builds on when no stream carries it', async () => {
    const { doc } = await seedStoreDocument(store, Y.encodeStateAsUpdate(new Y.Doc()));
    const a = (await processes[0]!.rooms.open(doc.id))!;
    // A third process stored a change and died before appending it to the stream: it is only
    // in storage. b opens the document after, so it loads it; a had it open before.
    const dead = new Y.Doc();
    Y.applyUpdate(dead, Y.encodeStateAsUpdate(a.doc));
    const before = Y.encodeStateVector(dead);
    insertTestText(dead, 0, 'stored only ');
    await store.documentState.append(doc.id, [Y.encodeStateAsUpdate(dead, before)]);
    const b = (await processes[1]!.rooms.open(doc.id))!;
    await waitFor(() => testText(b.doc) === 'stored only ');
    // b's change builds on it; a cannot integrate it until it has what it builds on.
    b.doc.transact(
      () => insertTestText(b.doc, testText(b.doc).length, 'then relayed'),
      Symbol('server'),
    );
    await waitFor(() => testText(a.doc) === 'stored only then relayed', 5_000);
    expect(a.doc.store.pendingStructs).toBeNull();
  });
});
