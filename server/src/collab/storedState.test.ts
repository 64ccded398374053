import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedStoreDocument } from '../testing/factories.js';
import { useTempSqliteStore } from '../testing/sqliteFixture.js';
import type { CompactionLeases } from './compactionLeases.js';
import { COMPACT_AFTER_ENTRIES, DocumentWriter } from './DocumentWriter.js';
import { applyStoredState } from './storedState.js';

/**
 * A stored log entry that Yjs cannot read (decision 0068): the load skips it and logs it with
 * the document id, a shared-log compaction leaves it out instead of failing for good, and a
 * corrupt snapshot still fails the load.
 */
const GARBAGE = Uint8Array.from([0xff, 0x01, 0x02, 0xde, 0xad]);

/** Updates of one text, each appended at the end (none depends on a later one). */
function typed(...parts: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  return parts.map((part) => {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(doc.getText('t').length, part);
    return Y.encodeStateAsUpdate(doc, before);
  });
}

/** A pino logger whose lines are kept, parsed. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe('a stored state with a corrupt entry', () => {
  it('loads every readable entry and logs the skipped one with the document id', () => {
    const [a, b] = typed('first ', 'third');
    const { logger, lines } = capturedLogger();
    const doc = new Y.Doc();
    const updates = [
      { seq: 1, update: a! },
      { seq: 2, update: GARBAGE },
      { seq: 3, update: b! },
    ];
    const skipped = applyStoredState(
      doc,
      'doc-7',
      { snapshot: null, snapshotSeq: 0, updates },
      logger,
    );
    expect(doc.getText('t').toString()).toBe('first third');
    expect(skipped).toEqual([2]);
    expect(lines).toMatchObject([{ level: 50, documentId: 'doc-7', seq: 2, bytes: 5 }]);
  });

  it('fails the load when the snapshot itself is corrupt', () => {
    const { logger } = capturedLogger();
    const stored = { snapshot: GARBAGE, snapshotSeq: 4, updates: [] };
    expect(() => applyStoredState(new Y.Doc(), 'doc-7', stored, logger)).toThrow();
  });
});

describe('compacting a shared log that holds a corrupt entry', () => {
  const temp = useTempSqliteStore();

  it('leaves the entry out of the snapshot and drops it with the entries it covers', async () => {
    const { doc } = await seedStoreDocument(temp.store, Y.encodeStateAsUpdate(new Y.Doc()));
    const [a, b] = typed('kept ', 'and compacted');
    const live = new Y.Doc();
    Y.applyUpdate(live, a!);
    // Another process's entries: the first is corrupt on disk, this one loaded around it.
    await temp.store.documentState.append(doc.id, [a!, GARBAGE]);
    let fence = 0;
    const leases: CompactionLeases = {
      acquire: async () => ({ fence: ++fence, release: async () => undefined }),
    };
    const { logger, lines } = capturedLogger();
    const writer = new DocumentWriter(
      doc.id,
      temp.store.documentState,
      () => Y.encodeStateAsUpdate(live),
      logger,
      // One entry short of a compaction.
      { logEntries: COMPACT_AFTER_ENTRIES - 1, logBytes: 0, lastSeq: 2 },
    );
    writer.shareLog(leases);
    Y.applyUpdate(live, b!);
    writer.enqueue(b!);
    await writer.drain();

    expect(lines.filter((l) => l.msg === 'compaction failed; the log is kept')).toEqual([]);
    const stored = (await temp.store.documentState.load(doc.id))!;
    expect(stored.updates).toEqual([]);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.snapshot!);
    expect(reloaded.getText('t').toString()).toBe('kept and compacted');
  });
});
