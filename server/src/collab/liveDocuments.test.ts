import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeStoredState } from '../content/yjsContent.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { seedStoreDocument } from '../testing/factories.js';
import { insertTestText, testText } from '../testing/testText.js';
import { liveDocumentsOver } from './liveDocuments.js';
import { createRoomRules } from './roomRules.js';
import { RoomManager } from './RoomManager.js';
import type { RoomMember } from './Room.js';

/**
 * Server changes to documents nobody has open: each opens the room, changes it and releases it,
 * which starts an unload. A change that follows at once meets that unload mid-way.
 */
describe('live documents: server changes back to back', () => {
  let dir: string;
  let store: SqliteStore;
  let rooms: RoomManager;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'polisee-live-'));
    store = new SqliteStore(path.join(dir, 'store.db'));
    rooms = new RoomManager(store.documentState, pino({ level: 'silent' }), createRoomRules());
  });
  afterEach(async () => {
    await rooms.closeAll();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Opens the document's room with a member who sends `text`: accepted (its sender's next sync
   * step 2 tells it so), integrated only at the next flush.
   */
  async function memberSends(documentId: string, text: string): Promise<RoomMember> {
    const member: RoomMember = { userId: 'editor', send: () => {}, close: () => {} };
    const editor = new Y.Doc();
    insertTestText(editor, 0, text);
    await rooms.open(documentId, (room) => {
      room.addMember(member);
      room.applyUpdate(Y.encodeStateAsUpdate(editor), member);
    });
    return member;
  }

  it('stores every change, also one made while the previous one unloads the room', async () => {
    const { doc } = await seedStoreDocument(store, Y.encodeStateAsUpdate(new Y.Doc()));
    const live = liveDocumentsOver(rooms, store.documentState, { take: () => [] });
    const written: string[] = [];
    for (let i = 0; i < 30; i++) {
      const key = `change ${i}`;
      await live.change(doc.id, (ydoc, origin) =>
        ydoc.transact(() => ydoc.getMap('m').set(key, i), origin),
      );
      written.push(key);
      // Read at once, as a service would after its change: the change is there.
      expect(await live.read(doc.id, (ydoc) => ydoc.getMap('m').has(key))).toBe(true);
    }
    await rooms.unloaded(doc.id);
    const stored = decodeStoredState((await store.documentState.load(doc.id))!);
    expect([...stored.getMap('m').keys()].sort()).toEqual([...written].sort());
  });

  it('reads what a member sent before the next flush reached it', async () => {
    const { doc } = await seedStoreDocument(store, Y.encodeStateAsUpdate(new Y.Doc()));
    const live = liveDocumentsOver(rooms, store.documentState, { take: () => [] });
    const member = await memberSends(doc.id, 'just now');
    expect(await live.read(doc.id, testText)).toBe('just now');
    rooms.room(doc.id)!.removeMember(member);
  });

  it('reads an open room only: nothing is loaded for a document nobody has open', async () => {
    const { doc } = await seedStoreDocument(store, Y.encodeStateAsUpdate(new Y.Doc()));
    const live = liveDocumentsOver(rooms, store.documentState, { take: () => [] });
    expect(live.readOpen(doc.id, testText)).toBeUndefined();
    expect(rooms.room(doc.id)).toBeUndefined();

    const member = await memberSends(doc.id, 'typed');
    // Before the next flush, as `read` does (decision 0090).
    expect(live.readOpen(doc.id, testText)).toBe('typed');
    rooms.room(doc.id)!.removeMember(member);
  });
});
