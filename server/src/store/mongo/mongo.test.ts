import mongoose, { type Connection } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  buildDocument,
  buildInvitation,
  buildNotification,
  buildOrganisation,
  buildUser,
  buildWorkingGroup,
} from '../../testing/factories.js';
import { freshDatabaseName, mongoSkippedLine, TEST_MONGODB_URI } from '../../testing/mongo.js';
import { toBuffer } from './bytes.js';
import { MongoStore } from './MongoStore.js';

/**
 * What only the MongoDB adapter has to prove (the shared behaviour is in contract.test.ts):
 * bytes, every intermediate state of a crash without transactions, atomic sequence numbers,
 * and filters that never turn request data into operators. A raw connection on the same
 * database plays the crash: it writes exactly one half of a two-step operation.
 */
if (!TEST_MONGODB_URI) console.info(mongoSkippedLine('mongo adapter'));

describe.runIf(TEST_MONGODB_URI)('MongoStore (adapter-specific)', () => {
  let store: MongoStore;
  let raw: Connection;

  beforeEach(async () => {
    const dbName = freshDatabaseName('polisee_mongo');
    store = await MongoStore.open(TEST_MONGODB_URI!, { dbName });
    raw = await mongoose.createConnection(TEST_MONGODB_URI!, { dbName }).asPromise();
  });
  afterEach(async () => {
    await raw.close();
    await store.dropDatabase();
    await store.close();
  });

  function yUpdate(doc: Y.Doc, text: string): Uint8Array {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(doc.getText('t').length, text);
    return Y.encodeStateAsUpdate(doc, before);
  }

  async function rebuild(documentId: string) {
    const stored = (await store.documentState.load(documentId))!;
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u.update);
    return { text: doc.getText('t').toString(), stored };
  }

  async function seedDocument(over: Partial<Parameters<typeof buildDocument>[0]> = {}) {
    const org = buildOrganisation();
    await store.organisations.create(org);
    const user = buildUser({ organisationId: org.id });
    await store.users.create(user);
    const group = buildWorkingGroup();
    await store.workingGroups.create(group);
    const source = new Y.Doc();
    const doc = buildDocument({ workingGroupId: group.id, createdBy: user.id, ...over });
    await store.documents.create(doc, yUpdate(source, 'A'));
    return { org, user, group, doc, source };
  }

  it('keeps Yjs bytes as BSON binary and returns plain Uint8Arrays', async () => {
    const { doc } = await seedDocument();
    // A view into a larger buffer, at an offset: only its own bytes may be stored.
    const backing = new Uint8Array([9, 9, 0, 1, 2, 255, 128, 9]);
    const bytes = backing.subarray(2, 7);
    await store.documentState.append(doc.id, [bytes]);
    const stored = await store.documentState.load(doc.id);
    const update = stored!.updates[0]!.update;
    expect(Object.getPrototypeOf(update)).toBe(Uint8Array.prototype);
    expect(Object.getPrototypeOf(stored!.snapshot)).toBe(Uint8Array.prototype);
    expect([...update]).toEqual([0, 1, 2, 255, 128]);
    const rawEntry = await raw.collection('documentUpdates').findOne({ documentId: doc.id });
    expect((rawEntry!.update as { _bsontype?: string })._bsontype).toBe('Binary');
  });

  it('creates the indexes its queries use, and accepts every document language', async () => {
    // No text index on titles (nothing searches them; see indexes.test.ts for the full list).
    expect((await raw.collection('documents').indexes()).map((i) => i.name)).not.toContain(
      'title_text',
    );
    expect(
      (await raw.collection('users').indexes()).find((i) => i.name === 'email_unique'),
    ).toMatchObject({ unique: true });
    expect(
      (await raw.collection('documentUpdates').indexes()).find((i) => i.name === 'document_seq'),
    ).toMatchObject({ unique: true });
    expect(
      (await raw.collection('documentVersions').indexes()).find(
        (i) => i.name === 'document_number',
      ),
    ).toMatchObject({ unique: true });
    expect(
      (await raw.collection('reviews').indexes()).find((i) => i.name === 'document_round'),
    ).toMatchObject({ unique: true });
    // One ballot per voter and poll: what makes a ballot sent twice count once.
    expect(
      (await raw.collection('workshopBallots').indexes()).find((i) => i.name === 'poll_user'),
    ).toMatchObject({ unique: true, key: { pollId: 1, userId: 1 } });
    // MongoDB's text search has no 'el', 'bg' or 'sq': a text index with the default language
    // override would make these inserts fail.
    for (const language of ['el', 'bg', 'sq', 'hu', 'ro'] as const) {
      const { doc } = await seedDocument({ language });
      expect((await store.documents.get(doc.id))?.language).toBe(language);
    }
  });

  it('loads a compaction interrupted after its snapshot: covered log entries are ignored', async () => {
    const { doc, source } = await seedDocument();
    const seq = await store.documentState.append(doc.id, [
      yUpdate(source, 'B'),
      yUpdate(source, 'C'),
    ]);
    await store.documentState.append(doc.id, [yUpdate(source, 'D')]);
    const before = await rebuild(doc.id);
    expect(before.text).toBe('ABCD');

    // First half of compact(…, seq): the snapshot covering up to `seq` is written…
    const covered = new Y.Doc();
    Y.applyUpdate(covered, before.stored.snapshot!);
    before.stored.updates
      .filter((u) => u.seq <= seq)
      .forEach((u) => Y.applyUpdate(covered, u.update));
    await raw
      .collection('documentSnapshots')
      .updateOne(
        { _id: doc.id as never },
        { $set: { state: toBuffer(Y.encodeStateAsUpdate(covered)), lastSeq: seq } },
      );
    // …and the process dies before deleting the covered entries.
    const interrupted = await rebuild(doc.id);
    expect(interrupted.text).toBe('ABCD');
    expect(interrupted.stored.snapshotSeq).toBe(seq);
    expect(interrupted.stored.updates.map((u) => u.seq)).toEqual([seq + 1]);

    // A stray entry older than the snapshot (e.g. restored from an older backup) is ignored too.
    await raw
      .collection('documentUpdates')
      .insertOne({ documentId: doc.id, seq: 0, update: toBuffer(yUpdate(new Y.Doc(), 'X')) });
    expect((await rebuild(doc.id)).text).toBe('ABCD');

    // Running the compaction again completes it.
    await store.documentState.compact(doc.id, Y.encodeStateAsUpdate(covered), seq);
    const after = await rebuild(doc.id);
    expect(after.text).toBe('ABCD');
    expect(after.stored.updates.map((u) => u.seq)).toEqual([seq + 1]);
    expect(await raw.collection('documentUpdates').countDocuments({ documentId: doc.id })).toBe(1);
  });

  it('never replaces a snapshot by an older one', async () => {
    const { doc, source } = await seedDocument();
    const seq = await store.documentState.append(doc.id, [yUpdate(source, 'B')]);
    await store.documentState.compact(doc.id, Y.encodeStateAsUpdate(source), seq);
    const old = new Y.Doc();
    Y.applyUpdate(old, yUpdate(new Y.Doc(), 'stale'));
    await store.documentState.compact(doc.id, Y.encodeStateAsUpdate(old), seq - 1);
    const loaded = await rebuild(doc.id);
    expect(loaded.text).toBe('AB');
    expect(loaded.stored.snapshotSeq).toBe(seq);
  });

  it('ignores a snapshot whose metadata was never written, and a gap in the numbering', async () => {
    // documents.create interrupted between its two writes: state without a document.
    await raw
      .collection('documentSnapshots')
      .insertOne({ _id: 'orphan' as never, state: toBuffer(new Uint8Array([0, 0])), lastSeq: 0 });
    expect(await store.documentState.load('orphan')).toBeNull();
    expect(await store.documents.get('orphan')).toBeNull();

    // append interrupted between reserving numbers and inserting the entries.
    const { doc, source } = await seedDocument();
    const first = await store.documentState.append(doc.id, [yUpdate(source, 'B')]);
    await raw
      .collection('documentCounters')
      .updateOne({ _id: doc.id as never }, { $inc: { seq: 2 } });
    const next = await store.documentState.append(doc.id, [yUpdate(source, 'C')]);
    expect(next).toBe(first + 3);
    const loaded = await rebuild(doc.id);
    expect(loaded.text).toBe('ABC');
    expect(loaded.stored.updates.map((u) => u.seq)).toEqual([first, next]);
  });

  it('gives concurrent appends distinct, gap-free sequence ranges', async () => {
    const { doc } = await seedDocument();
    const sizes = Array.from({ length: 20 }, (_, i) => (i % 3) + 1);
    const lasts = await Promise.all(
      sizes.map((n, i) =>
        store.documentState.append(
          doc.id,
          Array.from({ length: n }, (_, j) => yUpdate(new Y.Doc(), `${i}.${j}`)),
        ),
      ),
    );
    expect(new Set(lasts).size).toBe(lasts.length);
    const total = sizes.reduce((a, b) => a + b, 0);
    const stored = await store.documentState.load(doc.id);
    expect(stored!.updates.map((u) => u.seq)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
  });

  it('never lets an operator hidden in a value match anything', async () => {
    const { org, user, doc } = await seedDocument();
    const invitation = buildInvitation({ organisationId: org.id, createdBy: user.id });
    await store.invitations.create(invitation);
    await store.notifications.addMany([buildNotification({ userId: user.id, documentId: doc.id })]);
    await store.sessions.set({
      sid: 'sid',
      userId: user.id,
      data: '{}',
      expiresAt: Date.now() + 1e6,
    });

    const payloads: unknown[] = [{ $ne: null }, { $gt: '' }, { $where: '1' }, { $regex: '.*' }];
    // Rejected (a cast error) or no match: both are fine; a match never is.
    const none = async (p: Promise<unknown>) => {
      const result = await p.catch(() => null);
      return (
        result === null ||
        result === false ||
        result === 0 ||
        (Array.isArray(result) && result.length === 0)
      );
    };
    for (const p of payloads) {
      const x = p as string;
      expect(await none(store.users.getByEmail(x))).toBe(true);
      expect(await none(store.users.get(x))).toBe(true);
      expect(await none(store.organisations.get(x))).toBe(true);
      expect(await none(store.documents.get(x))).toBe(true);
      expect(await none(store.documents.list({ kind: x as never }))).toBe(true);
      expect(await none(store.invitations.getByTokenHash(x))).toBe(true);
      const invitee = buildUser({ organisationId: org.id });
      const account = { user: invitee, membership: null };
      expect(await none(store.invitations.accept(x, new Date().toISOString(), account))).toBe(true);
      expect(await none(store.sessions.get(x, 0))).toBe(true);
      expect(await none(store.notifications.unreadCount(x))).toBe(true);
      expect(await none(store.memberships.listForUser(x))).toBe(true);
      expect(await none(store.documentState.load(x))).toBe(true);
      await store.sessions.destroy(x).catch(() => undefined);
      await store.users.update(x, { isAdmin: true }).catch(() => undefined);
    }
    // Nothing was changed by the attempts above.
    expect((await store.users.get(user.id))?.isAdmin).toBe(false);
    expect((await store.sessions.get('sid', 0))?.userId).toBe(user.id);
    expect(await store.invitations.listPending(new Date(0).toISOString())).toHaveLength(1);
    expect(await store.notifications.unreadCount(user.id)).toBe(1);
  });
});
