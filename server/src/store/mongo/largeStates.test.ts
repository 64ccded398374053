import mongoose, { type Connection } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedStoreDocument, buildVersion } from '../../testing/factories.js';
import { freshDatabaseName, mongoSkippedLine, TEST_MONGODB_URI } from '../../testing/mongo.js';
import { LargeStates, STATE_BUCKET } from './largeStates.js';
import { MongoStore } from './MongoStore.js';

/**
 * States past the inline limit live in GridFS (decision 0050). The limit is lowered to 1 KiB
 * here so that the two-step write can be observed and interrupted with small states; the
 * 40 MiB case is in the store contract (contract.test.ts). A raw connection on the same
 * database plays the crash.
 */
if (!TEST_MONGODB_URI) console.info(mongoSkippedLine('mongo large states'));

const LIMIT = 1024;
const bytes = (size: number, fill: number) => new Uint8Array(size).fill(fill);

describe.runIf(TEST_MONGODB_URI)('MongoStore large states (GridFS)', () => {
  let store: MongoStore;
  let raw: Connection;

  beforeEach(async () => {
    const dbName = freshDatabaseName('polisee_states');
    store = await MongoStore.open(TEST_MONGODB_URI!, { dbName, inlineStateLimit: LIMIT });
    raw = await mongoose.createConnection(TEST_MONGODB_URI!, { dbName }).asPromise();
  });
  afterEach(async () => {
    await raw.close();
    await store.dropDatabase();
    await store.close();
  });

  const files = () => raw.collection(`${STATE_BUCKET}.files`);
  const chunks = () => raw.collection(`${STATE_BUCKET}.chunks`);
  const snapshotOf = (id: string) =>
    raw.collection('documentSnapshots').findOne({ _id: id as never });

  it('keeps a small state inline and a large one in one file, deleting the file it replaces', async () => {
    const { doc } = await seedStoreDocument(store, bytes(100, 1));
    expect(await snapshotOf(doc.id)).toMatchObject({ stateFile: null });
    expect(await files().countDocuments()).toBe(0);

    await store.documentState.compact(doc.id, bytes(5000, 2), 1);
    const first = await snapshotOf(doc.id);
    expect(first).toMatchObject({ state: null, lastSeq: 1 });
    expect(
      await files().countDocuments({ _id: first!.stateFile, filename: `snapshot/${doc.id}` }),
    ).toBe(1);

    await store.documentState.compact(doc.id, bytes(6000, 3), 2);
    const second = await snapshotOf(doc.id);
    expect(second!.stateFile).not.toEqual(first!.stateFile);
    expect(await files().countDocuments()).toBe(1);
    expect(await chunks().countDocuments({ files_id: first!.stateFile })).toBe(0);
    expect((await store.documentState.load(doc.id))!.snapshot).toEqual(bytes(6000, 3));

    await store.documentState.compact(doc.id, bytes(10, 4), 3);
    expect(await files().countDocuments()).toBe(0);
    expect((await store.documentState.load(doc.id))!.snapshot).toEqual(bytes(10, 4));
  });

  it('never reads a file that was uploaded but not committed, and sweeps it once it is old', async () => {
    const { doc } = await seedStoreDocument(store, bytes(2000, 1));
    // A compaction uploads its file and dies before pointing the snapshot at it.
    const states = new LargeStates(raw, LIMIT);
    const abandoned = (await states.put(`snapshot/${doc.id}`, bytes(3000, 9))).stateFile!;
    expect((await store.documentState.load(doc.id))!.snapshot).toEqual(bytes(2000, 1));

    // The next compaction keeps a file that may still be on its way (too recent)…
    await store.documentState.compact(doc.id, bytes(4000, 5), 1);
    expect(await files().countDocuments({ _id: abandoned })).toBe(1);
    // …and sweeps it once it is old enough to be a leftover.
    await files().updateOne(
      { _id: abandoned },
      { $set: { uploadDate: new Date(Date.now() - 60 * 60 * 1000) } },
    );
    await store.documentState.compact(doc.id, bytes(4500, 6), 2);
    expect(await files().countDocuments({ _id: abandoned })).toBe(0);
    expect(await chunks().countDocuments({ files_id: abandoned })).toBe(0);
    expect(await files().countDocuments()).toBe(1);
    expect((await store.documentState.load(doc.id))!.snapshot).toEqual(bytes(4500, 6));
  });

  it('answers null for a file deleted under a reader (the load reads again), and stores versions in files', async () => {
    const states = new LargeStates(raw, LIMIT);
    const written = await states.put('snapshot/x', bytes(9000, 7));
    expect(await states.get(written)).toEqual(bytes(9000, 7));
    await states.remove(written.stateFile);
    expect(await states.get(written)).toBeNull();

    const { doc } = await seedStoreDocument(store, bytes(10, 1));
    const version = await store.versions.create(
      buildVersion({ documentId: doc.id }),
      bytes(3000, 8),
    );
    const stored = await raw.collection('versionStates').findOne({ _id: version.id as never });
    expect(stored).toMatchObject({ state: null });
    expect(await store.versions.state(version.id)).toEqual(bytes(3000, 8));
  });

  it('creates the GridFS indexes at start, so that no write builds one', async () => {
    const names = async (collection: string) =>
      (await raw.collection(collection).listIndexes().toArray()).map((i) => i.name).sort();
    expect(await names(`${STATE_BUCKET}.files`)).toEqual(['_id_', 'filename_1_uploadDate_1']);
    expect(await names(`${STATE_BUCKET}.chunks`)).toEqual(['_id_', 'files_id_1_n_1']);
  });
});
