import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPACT_AFTER_ENTRIES, DocumentWriter } from '../collab/DocumentWriter.js';
import type { DocumentStateRepo } from '../store/ports.js';
import { seedStoreDocument } from '../testing/factories.js';
import { useTempSqliteStore } from '../testing/sqliteFixture.js';
import { useTestRedis } from '../testing/redisFixture.js';
import { RedisCompactionLeases } from './redisCompactionLeases.js';

/**
 * One process at a time compacts a document shared through Redis, and a process whose lease
 * ran out while it was paused cannot overwrite the compaction of the one that took over: real
 * redis-server, the real SQLite store, two writers standing for two processes.
 */
describe('compaction leases', () => {
  const shared = useTestRedis();
  const temp = useTempSqliteStore();

  it('hands one lease at a time, with tokens that only grow, and frees only its own', async () => {
    const a = new RedisCompactionLeases(shared.commands, 'process-a', 300);
    const b = new RedisCompactionLeases(shared.commands, 'process-b', 300);
    const documentId = randomUUID();

    const first = await a.acquire(documentId);
    expect(first).not.toBeNull();
    expect(await b.acquire(documentId)).toBeNull();
    await first!.release();
    const second = await b.acquire(documentId);
    expect(second!.fence).toBeGreaterThan(first!.fence);

    // b's lease runs out while b is paused; a takes it; b's late release must not free a's.
    await new Promise((r) => setTimeout(r, 400));
    const third = await a.acquire(documentId);
    expect(third!.fence).toBeGreaterThan(second!.fence);
    await second!.release();
    expect(await b.acquire(documentId)).toBeNull();
    await third!.release();
    expect(await b.acquire(randomUUID())).not.toBeNull();
  });

  /** A writer standing for one process, typing into its own copy of the document. */
  function writerFor(documentId: string, repo: DocumentStateRepo, leases: RedisCompactionLeases) {
    const doc = new Y.Doc();
    const writer = new DocumentWriter(
      documentId,
      repo,
      () => Y.encodeStateAsUpdate(doc),
      pino({ level: 'silent' }),
      { logEntries: 0, logBytes: 0, lastSeq: 0 },
    );
    writer.shareLog(leases);
    /** `count` log entries, one word each: enough of them make the writer compact. */
    const type = async (word: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const before = Y.encodeStateVector(doc);
        doc.getText('t').insert(doc.getText('t').length, `${word}${i} `);
        writer.enqueue(Y.encodeStateAsUpdate(doc, before));
        await writer.drain();
      }
    };
    return { doc, writer, type };
  }

  async function storedText(documentId: string) {
    const loaded = (await temp.store.documentState.load(documentId))!;
    const copy = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(copy, loaded.snapshot);
    loaded.updates.forEach((u) => Y.applyUpdate(copy, u.update));
    return { text: copy.getText('t').toString(), loaded };
  }

  it('leaves compaction to the holder of the lease and compacts once it is free', async () => {
    const { doc } = await seedStoreDocument(temp.store, Y.encodeStateAsUpdate(new Y.Doc()));
    const leases = new RedisCompactionLeases(shared.commands, 'process-a');
    const held = await new RedisCompactionLeases(shared.commands, 'process-b').acquire(doc.id);
    const a = writerFor(doc.id, temp.store.documentState, leases);

    await a.type('held', COMPACT_AFTER_ENTRIES);
    let stored = await storedText(doc.id);
    expect(stored.loaded.snapshotSeq).toBe(0);
    expect(stored.loaded.updates).toHaveLength(COMPACT_AFTER_ENTRIES);

    await held!.release();
    await a.type('free', COMPACT_AFTER_ENTRIES);
    stored = await storedText(doc.id);
    expect(stored.loaded.updates).toEqual([]);
    expect(stored.text).toBe(a.doc.getText('t').toString());
    // The writer gave its lease back: another process can take it at once.
    expect(
      await new RedisCompactionLeases(shared.commands, 'process-c').acquire(doc.id),
    ).not.toBeNull();
  }, 60_000);

  it('refuses the compaction of a process that paused past its lease: nothing is lost', async () => {
    const { doc } = await seedStoreDocument(temp.store, Y.encodeStateAsUpdate(new Y.Doc()));
    // Process A pauses (a long GC, SIGSTOP) between reading the stored log and writing its
    // snapshot, long enough for its lease to run out and B to compact under a later token.
    let pause: Promise<void> | null = null;
    let paused: () => void = () => undefined;
    let resume: () => void = () => undefined;
    const pausingRepo: DocumentStateRepo = {
      append: (id, updates) => temp.store.documentState.append(id, updates),
      load: async (id) => {
        const loaded = await temp.store.documentState.load(id);
        if (pause) {
          paused();
          await pause;
        }
        return loaded;
      },
      compact: (id, snapshot, upToSeq, fence) =>
        temp.store.documentState.compact(id, snapshot, upToSeq, fence),
    };
    const a = writerFor(doc.id, pausingRepo, new RedisCompactionLeases(shared.commands, 'a', 200));
    const b = writerFor(
      doc.id,
      temp.store.documentState,
      new RedisCompactionLeases(shared.commands, 'b'),
    );

    await a.type('a', COMPACT_AFTER_ENTRIES - 1);
    const isPaused = new Promise<void>((r) => (paused = r));
    pause = new Promise<void>((r) => (resume = r));
    const aCompacting = a.type('a-last', 1);
    await isPaused;
    await new Promise((r) => setTimeout(r, 300));
    // B wrote after A read: its entries are not in what A is about to write.
    await b.type('b', COMPACT_AFTER_ENTRIES);
    const afterB = await storedText(doc.id);
    expect(afterB.loaded.updates).toEqual([]);

    pause = null;
    resume();
    await aCompacting;
    const final = await storedText(doc.id);
    // A's stale snapshot was refused (an older token, and B's covers more of the log): B's
    // snapshot stands and holds both processes' words.
    expect(final.loaded.snapshotSeq).toBe(afterB.loaded.snapshotSeq);
    const words = ['a0 ', `a${COMPACT_AFTER_ENTRIES - 2} `, 'a-last0 ', 'b0 '];
    for (const word of [...words, `b${COMPACT_AFTER_ENTRIES - 1} `]) {
      expect(final.text).toContain(word);
    }
  }, 60_000);
});
