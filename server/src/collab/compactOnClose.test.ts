import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedStoreDocument } from '../testing/factories.js';
import { useTempSqliteStore } from '../testing/sqliteFixture.js';
import { COMPACT_ON_CLOSE_BYTES } from './DocumentWriter.js';
import { Room } from './Room.js';
import { createRoomRules } from './roomRules.js';

/** A text typed in pieces, as the updates that built it (a long history, kept in the log). */
function history(pieces: number): { text: string; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < pieces; i++) doc.getText('t').insert(doc.getText('t').length, `piece ${i}; `);
  return { text: doc.getText('t').toString(), updates };
}

describe('a room that closes with a long log', () => {
  const temp = useTempSqliteStore();

  async function openRoom(documentId: string) {
    const stored = (await temp.store.documentState.load(documentId))!;
    return new Room(
      documentId,
      stored,
      temp.store.documentState,
      pino({ level: 'silent' }),
      createRoomRules(),
    );
  }

  async function seedWithLog() {
    const { doc } = await seedStoreDocument(temp.store, Y.encodeStateAsUpdate(new Y.Doc()));
    const { text, updates } = history(8_000);
    await temp.store.documentState.append(doc.id, updates);
    const logBytes = updates.reduce((n, u) => n + u.byteLength, 0);
    expect(logBytes).toBeGreaterThan(COMPACT_ON_CLOSE_BYTES);
    return { documentId: doc.id, text, entries: updates.length };
  }

  it('compacts it, so that the next cold open is answered from a snapshot', async () => {
    const { documentId, text } = await seedWithLog();
    const room = await openRoom(documentId);
    expect(room.doc.getText('t').toString()).toBe(text);
    await room.destroy();

    const stored = (await temp.store.documentState.load(documentId))!;
    expect(stored.updates).toEqual([]);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.snapshot!);
    expect(reloaded.getText('t').toString()).toBe(text);
  });

  it('leaves the stored state alone when its doc never loaded', async () => {
    const { documentId, text, entries } = await seedWithLog();
    const room = await openRoom(documentId);
    // Answered from the stored bytes, then closed before the load on the next turn.
    expect(room.syncStep2(Y.encodeStateVector(new Y.Doc())).length).toBeGreaterThan(1);
    await room.destroy();

    const stored = (await temp.store.documentState.load(documentId))!;
    expect(stored.updates).toHaveLength(entries);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.snapshot!);
    for (const { update } of stored.updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getText('t').toString()).toBe(text);
  });
});
