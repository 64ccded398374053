import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createServiceContext } from '../services/context.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { seedStoreDocument } from '../testing/factories.js';
import { insertTestText } from '../testing/testText.js';
import { SearchIndexer } from './SearchIndexer.js';

let dir: string;
let store: SqliteStore;
let indexer: SearchIndexer;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'polisee-indexer-'));
  store = new SqliteStore(path.join(dir, 'store.db'));
  indexer = new SearchIndexer(
    createServiceContext(store, pino({ level: 'silent' })),
    pino({ level: 'silent' }),
  );
});
afterEach(async () => {
  await indexer.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const stateOf = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

it('passes a compaction fence through to the store, so a stale process is refused (decision 0066)', async () => {
  const repo = indexer.watchWrites(store.documentState);
  const { doc } = await seedStoreDocument(store, stateOf(''));
  const seq1 = await repo.append(doc.id, [stateOf('a')]);
  expect(await repo.compact(doc.id, stateOf('a'), seq1, 9)).toBe(true);
  const seq2 = await repo.append(doc.id, [stateOf('b')]);
  // A process whose lease ran out (token 8) after token 9 landed: its snapshot is not written.
  expect(await repo.compact(doc.id, stateOf('stale'), seq2, 8)).toBe(false);
  expect((await store.documentState.load(doc.id))!.snapshotSeq).toBe(seq1);
});

const editorState = (text: string) => {
  const doc = new Y.Doc();
  insertTestText(doc, 0, text);
  return doc;
};

it('indexes a document open on this process from its live doc, one not open from the store (decision 0100)', async () => {
  const { doc, group } = await seedStoreDocument(
    store,
    Y.encodeStateAsUpdate(editorState('stored wording')),
  );
  const liveDoc = editorState('live wording');
  let open = true;
  indexer.readOpenDocumentsThrough({
    readOpen: (documentId, read) => (open && documentId === doc.id ? read(liveDoc) : undefined),
  });
  const found = async (word: string) => {
    const result = await store.search.query({
      text: word,
      filters: {},
      workingGroupIds: [group.id],
      limit: 10,
      offset: 0,
    });
    return result.hits.map((hit) => hit.documentId);
  };

  indexer.markDocument(doc.id, { threads: false });
  await indexer.flush();
  expect(await found('live')).toEqual([doc.id]);
  expect(await found('stored')).toEqual([]);

  open = false;
  indexer.markDocument(doc.id, { threads: false });
  await indexer.flush();
  expect(await found('stored')).toEqual([doc.id]);
  expect(await found('live')).toEqual([]);
});
