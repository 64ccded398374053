import * as decoding from 'lib0/decoding';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_CLOSE, COLLAB_MESSAGE, type CollabCloseCode } from '@polisee/contracts';
import type { DocumentStateRepo, StoredDocumentState } from '../store/ports.js';
import { insertTestText, testText } from '../testing/testText.js';
import { createRoomRules } from './roomRules.js';
import { Room, type RoomMember } from './Room.js';
import { RoomManager } from './RoomManager.js';

/**
 * A room opens before its doc holds the stored state: a client holding nothing is answered from
 * the stored bytes, and the doc loads on the next turn (or at once when something needs it).
 */
class Member implements RoomMember {
  readonly received: Uint8Array[] = [];
  closed: CollabCloseCode | null = null;
  constructor(readonly userId: string) {}
  send(message: Uint8Array) {
    this.received.push(message);
  }
  close(code: CollabCloseCode) {
    this.closed = code;
  }
  /** The sync messages received, as [sync type, payload]. */
  syncMessages(): [number, Uint8Array][] {
    return this.received.flatMap((m): [number, Uint8Array][] => {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) !== COLLAB_MESSAGE.sync) return [];
      return [[decoding.readVarUint(d), decoding.readVarUint8Array(d)]];
    });
  }
  /** What a client holding nothing ends with from the updates it was sent. */
  replica(clientId: number): Y.Doc {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    for (const [type, payload] of this.syncMessages()) {
      if (type !== syncProtocol.messageYjsSyncStep1) Y.applyUpdate(doc, payload);
    }
    return doc;
  }
}

/** Holds one document's stored state and records what the room appends. */
class MemoryRepo implements DocumentStateRepo {
  readonly appended: Uint8Array[] = [];
  constructor(private readonly state: StoredDocumentState) {}
  async append(_id: string, updates: Uint8Array[]) {
    this.appended.push(...updates);
    return 1000 + this.appended.length;
  }
  async load() {
    return this.state;
  }
  async compact() {
    return true;
  }
}

/** A snapshot of typed history (one transaction per keystroke) and two log entries after it. */
function storedHistory(): { stored: StoredDocumentState; expected: string } {
  const author = new Y.Doc();
  author.clientID = 7;
  for (let i = 0; i < 400; i++) insertTestText(author, i, 'abcdefghij'[i % 10]!);
  const snapshot = Y.encodeStateAsUpdate(author);
  const before = Y.encodeStateVector(author);
  insertTestText(author, 0, 'log one ');
  const first = Y.encodeStateAsUpdate(author, before);
  const middle = Y.encodeStateVector(author);
  insertTestText(author, 0, 'log two ');
  const second = Y.encodeStateAsUpdate(author, middle);
  const expected = testText(author);
  author.destroy();
  return {
    stored: {
      snapshot,
      snapshotSeq: 3,
      updates: [
        { seq: 4, update: first },
        { seq: 5, update: second },
      ],
    },
    expected,
  };
}

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const silent = pino({ level: 'silent' });
const rooms: Room[] = [];
function openRoom(stored: StoredDocumentState, repo = new MemoryRepo(stored)) {
  const room = new Room('doc-1', stored, repo, silent, createRoomRules());
  rooms.push(room);
  return { room, repo };
}
const nextTurn = () => new Promise((r) => setTimeout(r, 20));

afterEach(async () => {
  await Promise.all(rooms.splice(0).map((r) => r.destroy()));
});

describe('a room answering its first clients before its doc loads', () => {
  it('gives a client holding nothing the stored document, then loads and keeps its edits', async () => {
    const { stored, expected } = storedHistory();
    const { room, repo } = openRoom(stored);
    const first = new Member('u1');
    const second = new Member('u2');
    room.addMember(first);
    room.addMember(second);
    for (const m of room.syncStep2(EMPTY_STATE_VECTOR)) first.send(m);
    for (const m of room.syncStep2(EMPTY_STATE_VECTOR)) second.send(m);
    expect(room.loaded).toBe(false);
    // Each log entry as an update, in order, then the snapshot as the sync step 2: a provider
    // is synced when the step 2 arrives, so it must hold everything by then.
    expect(first.syncMessages().map(([type]) => type)).toEqual([
      syncProtocol.messageYjsUpdate,
      syncProtocol.messageYjsUpdate,
      syncProtocol.messageYjsSyncStep2,
    ]);
    const replica = first.replica(21);
    expect(testText(replica)).toBe(expected);

    // The first client types before the doc has loaded: held, then applied after the load.
    const edits: Uint8Array[] = [];
    replica.on('update', (u: Uint8Array) => edits.push(u));
    insertTestText(replica, 0, 'typed early ');
    insertTestText(replica, 0, '!');
    for (const e of edits) room.applyUpdate(e, first);
    expect(room.loaded).toBe(false);
    await nextTurn();

    expect(room.loaded).toBe(true);
    expect(testText(room.doc)).toBe(`!typed early ${expected}`);
    // Both were greeted once the doc loaded, and the other client got the edits.
    for (const m of [first, second]) {
      expect(m.syncMessages().some(([t]) => t === syncProtocol.messageYjsSyncStep1)).toBe(true);
    }
    expect(testText(second.replica(22))).toBe(`!typed early ${expected}`);
    await room.drain();
    const written = new Y.Doc();
    Y.applyUpdate(written, Y.encodeStateAsUpdate(first.replica(23)));
    repo.appended.forEach((u) => Y.applyUpdate(written, u));
    expect(testText(written)).toBe(`!typed early ${expected}`);
    // The stored state was only read: nothing of it was written again.
    expect(repo.appended).toHaveLength(1);
  });

  it('loads at once for a client that holds part of the document', () => {
    const { stored, expected } = storedHistory();
    const { room } = openRoom(stored);
    const partial = new Y.Doc();
    Y.applyUpdate(partial, stored.snapshot!);
    const answer = room.syncStep2(Y.encodeStateVector(partial));
    expect(room.loaded).toBe(true);
    const member = new Member('u1');
    answer.forEach((m) => member.send(m));
    for (const [, update] of member.syncMessages()) Y.applyUpdate(partial, update);
    expect(testText(partial)).toBe(expected);
  });

  it('leaves out a log entry that cannot be read, as the load does', async () => {
    const { stored } = storedHistory();
    const garbage = { seq: 6, update: new Uint8Array([200, 1, 2, 3, 4]) };
    const { room } = openRoom({ ...stored, updates: [...stored.updates, garbage] });
    const member = new Member('u1');
    room.addMember(member);
    room.syncStep2(EMPTY_STATE_VECTOR).forEach((m) => member.send(m));
    expect(member.syncMessages()).toHaveLength(3);
    await nextTurn();
    expect(room.loaded).toBe(true);
    expect(testText(member.replica(9))).toBe(testText(room.doc));
  });

  it('closes the members and unloads when the stored snapshot cannot be read', async () => {
    const broken: StoredDocumentState = {
      snapshot: new Uint8Array([200, 1, 2, 3, 4]),
      snapshotSeq: 1,
      updates: [],
    };
    const repo = new MemoryRepo(broken);
    const manager = new RoomManager(repo, silent, createRoomRules());
    const member = new Member('u1');
    const room = await manager.open('doc-1', (r) => r, { beforeLoad: true });
    room.addMember(member);
    room.syncStep2(EMPTY_STATE_VECTOR).forEach((m) => member.send(m));
    await nextTurn();
    expect(member.closed).toBe(COLLAB_CLOSE.serverError);
    expect(room.destroyed).toBe(true);
    expect(manager.room('doc-1')).toBeUndefined();
    // A server change or read never runs on an empty doc: the open is refused.
    await expect(manager.open('doc-1')).rejects.toMatchObject({ reason: 'failed' });
    expect(repo.appended).toHaveLength(0);
  });
});
