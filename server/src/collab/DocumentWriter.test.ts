import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStateRepo } from '../store/ports.js';
import { seedStoreDocument } from '../testing/factories.js';
import { useTempSqliteStore } from '../testing/sqliteFixture.js';
import {
  DocumentWriter,
  logEntriesOf,
  MAX_LOG_ENTRY_BYTES,
  SLOW_WRITE_MS,
  type SaveState,
} from './DocumentWriter.js';

/**
 * The writer on a real SQLite store, behind a switch that makes its writes fail or hang the way
 * an unreachable MongoDB does (the MongoDB case itself, a frozen server, is in
 * storageOutage.test.ts).
 */
class FaultyStorage implements DocumentStateRepo {
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  private release: (() => void) | null = null;
  constructor(private readonly repo: DocumentStateRepo) {}

  async append(documentId: string, updates: Uint8Array[]) {
    if (this.mode === 'fail') throw new Error('write timed out');
    if (this.mode === 'hang') await new Promise<void>((r) => (this.release = r));
    return this.repo.append(documentId, updates);
  }
  load(documentId: string) {
    return this.repo.load(documentId);
  }
  compact(documentId: string, snapshot: Uint8Array, upToSeq: number, fence?: number) {
    return this.repo.compact(documentId, snapshot, upToSeq, fence);
  }
  /** Lets a hung write through. */
  recover() {
    this.mode = 'ok';
    this.release?.();
    this.release = null;
  }
}

describe('DocumentWriter', () => {
  const temp = useTempSqliteStore();
  afterEach(() => {
    vi.useRealTimers();
  });

  async function setup() {
    const source = new Y.Doc();
    const { doc } = await seedStoreDocument(temp.store, Y.encodeStateAsUpdate(source));
    const storage = new FaultyStorage(temp.store.documentState);
    const states: SaveState[] = [];
    const writer = new DocumentWriter(
      doc.id,
      storage,
      () => Y.encodeStateAsUpdate(source),
      pino({ level: 'silent' }),
      { logEntries: 0, logBytes: 0, lastSeq: 0 },
      (state) => states.push(state),
    );
    const type = (text: string) => {
      const before = Y.encodeStateVector(source);
      source.getText('t').insert(source.getText('t').length, text);
      writer.enqueue(Y.encodeStateAsUpdate(source, before));
    };
    const stored = async () => {
      const loaded = (await temp.store.documentState.load(doc.id))!;
      const copy = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(copy, loaded.snapshot);
      loaded.updates.forEach((u) => Y.applyUpdate(copy, u.update));
      return copy.getText('t').toString();
    };
    return { writer, storage, states, type, stored };
  }

  it('says "behind" when a write fails, keeps the change, and says "saved" once it is written', async () => {
    const { writer, storage, states, type, stored } = await setup();
    storage.mode = 'fail';
    type('kept ');
    await vi.waitFor(() => expect(states).toEqual(['behind']));
    expect(writer.saveState).toBe('behind');
    type('and more');
    expect(await stored()).toBe('');

    storage.recover();
    await writer.drain();
    expect(states).toEqual(['behind', 'saved']);
    expect(await stored()).toBe('kept and more');
  });

  it('says "behind" while a write hangs past SLOW_WRITE_MS, and never "saved" before it lands', async () => {
    vi.useFakeTimers();
    const { writer, storage, states, type, stored } = await setup();
    storage.mode = 'hang';
    type('slow');
    await vi.advanceTimersByTimeAsync(SLOW_WRITE_MS - 1);
    expect(states).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(states).toEqual(['behind']);
    expect(writer.hasPendingWrites).toBe(true);

    storage.recover();
    await vi.advanceTimersByTimeAsync(0);
    vi.useRealTimers();
    await writer.drain();
    expect(states).toEqual(['behind', 'saved']);
    expect(await stored()).toBe('slow');
  });

  it('merges a burst into log entries that each stay under MAX_LOG_ENTRY_BYTES', () => {
    const doc = new Y.Doc();
    const chars = Math.floor(MAX_LOG_ENTRY_BYTES * 0.4);
    const updates = [1, 2, 3].map(() => {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(0, 'x'.repeat(chars));
      return Y.encodeStateAsUpdate(doc, before);
    });
    const entries = logEntriesOf(updates);
    expect(entries).toHaveLength(2);
    for (const entry of entries) expect(entry.byteLength).toBeLessThanOrEqual(MAX_LOG_ENTRY_BYTES);
    const copy = new Y.Doc();
    entries.forEach((e) => Y.applyUpdate(copy, e));
    expect(copy.getText('t').length).toBe(3 * chars);
    expect(logEntriesOf(updates.slice(0, 1))).toEqual(updates.slice(0, 1));
  });
});
