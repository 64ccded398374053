import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '@polisee/domain';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  buildActivity,
  buildDocument,
  buildInvitation,
  buildOrganisation,
  buildUser,
  buildWorkingGroup,
} from '../testing/factories.js';
import type { Store } from './ports.js';
import { SqliteStore } from './sqlite/SqliteStore.js';

/**
 * The store contract: every adapter passes this same suite. A new adapter adds one entry to
 * ADAPTERS; the MongoDB adapter runs it when MONGODB_URI names a server.
 */
interface AdapterUnderTest {
  name: string;
  open(): Promise<Store>;
  cleanup(): void;
}

const dir = mkdtempSync(path.join(tmpdir(), 'polisee-contract-'));
let counter = 0;
const ADAPTERS: AdapterUnderTest[] = [
  {
    name: 'SqliteStore',
    open: async () => new SqliteStore(path.join(dir, `store-${++counter}.db`)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  },
];

afterAll(() => ADAPTERS.forEach((a) => a.cleanup()));

function yUpdate(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

for (const adapter of ADAPTERS) {
  describe(`store contract: ${adapter.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await adapter.open();
      return () => store.close();
    });

    async function seedBasics() {
      const org = buildOrganisation();
      await store.organisations.create(org);
      const user = buildUser({ organisationId: org.id, passwordHash: 'hash' });
      await store.users.create(user);
      const group = buildWorkingGroup();
      await store.workingGroups.create(group);
      return { org, user, group };
    }

    it('starts empty and stops being empty once a user exists', async () => {
      expect(await store.isEmpty()).toBe(true);
      await seedBasics();
      expect(await store.isEmpty()).toBe(false);
    });

    it('stores organisations, users (unique email) and never lists password hashes', async () => {
      const { org, user } = await seedBasics();
      expect(await store.organisations.get(org.id)).toEqual(org);
      expect(await store.users.getByEmail(user.email)).toEqual(user);
      await expect(store.users.create({ ...user, id: 'other' })).rejects.toBeInstanceOf(AppError);
      const listed = await store.users.list();
      expect(listed).toHaveLength(1);
      expect(listed[0]).not.toHaveProperty('passwordHash');
      await store.users.update(user.id, { language: 'el', name: 'Renamed', isAdmin: true });
      expect(await store.users.get(user.id)).toMatchObject({
        language: 'el',
        name: 'Renamed',
        isAdmin: true,
      });
    });

    it('sets, changes, counts and removes memberships', async () => {
      const { user, group } = await seedBasics();
      await store.memberships.set({ userId: user.id, workingGroupId: group.id, role: 'observer' });
      await store.memberships.set({ userId: user.id, workingGroupId: group.id, role: 'wg_lead' });
      expect(await store.memberships.listForUser(user.id)).toEqual([
        { userId: user.id, workingGroupId: group.id, role: 'wg_lead' },
      ]);
      expect((await store.memberships.countByGroup()).get(group.id)).toBe(1);
      await store.memberships.remove(user.id, group.id);
      expect(await store.memberships.listForGroup(group.id)).toEqual([]);
    });

    it('uses an invitation once only', async () => {
      const { org, user } = await seedBasics();
      const inv = buildInvitation({ organisationId: org.id, createdBy: user.id });
      await store.invitations.create(inv);
      expect(await store.invitations.getByTokenHash(inv.tokenHash)).toEqual(inv);
      expect(await store.invitations.listPending(new Date().toISOString())).toHaveLength(1);
      const at = new Date().toISOString();
      const results = await Promise.all([
        store.invitations.markAccepted(inv.id, at),
        store.invitations.markAccepted(inv.id, at),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.invitations.listPending(new Date().toISOString())).toHaveLength(0);
    });

    it('keeps sessions until they expire and ends all of a user but one', async () => {
      const now = Date.now();
      await store.sessions.set({ sid: 'a', userId: 'u1', data: '{"x":1}', expiresAt: now + 1000 });
      await store.sessions.set({ sid: 'b', userId: 'u1', data: '{}', expiresAt: now + 1000 });
      await store.sessions.set({ sid: 'c', userId: 'u2', data: '{}', expiresAt: now - 1 });
      expect((await store.sessions.get('a', now))?.data).toBe('{"x":1}');
      expect(await store.sessions.get('c', now)).toBeNull();
      await store.sessions.destroyForUser('u1', 'a');
      expect(await store.sessions.get('b', now)).toBeNull();
      expect(await store.sessions.get('a', now)).not.toBeNull();
      expect(await store.sessions.purgeExpired(now)).toBe(1);
      await store.sessions.destroy('a');
      expect(await store.sessions.get('a', now)).toBeNull();
    });

    it('creates documents with their state and filters the catalogue', async () => {
      const { user, group } = await seedBasics();
      const other = buildWorkingGroup();
      await store.workingGroups.create(other);
      const a = buildDocument({
        workingGroupId: group.id,
        createdBy: user.id,
        thematicPriorities: ['financing'],
        countries: ['RO'],
      });
      const b = buildDocument({
        workingGroupId: group.id,
        createdBy: user.id,
        kind: 'foresight_exercise',
        thematicPriorities: ['innovation', 'skills'],
      });
      const c = buildDocument({ workingGroupId: other.id, createdBy: user.id, status: 'archived' });
      for (const d of [a, b, c]) await store.documents.create(d, yUpdate(d.title));
      expect(await store.documents.get(a.id)).toEqual(a);
      const ids = async (f: Parameters<Store['documents']['list']>[0]) =>
        (await store.documents.list(f)).map((d) => d.id).sort();
      expect(await ids({})).toEqual([a.id, b.id].sort());
      expect(await ids({ includeArchived: true })).toEqual([a.id, b.id, c.id].sort());
      expect(await ids({ priority: 'financing' })).toEqual([a.id]);
      expect(await ids({ priority: 'skills' })).toEqual([b.id]);
      expect(await ids({ kind: 'foresight_exercise' })).toEqual([b.id]);
      expect(await ids({ country: 'RO' })).toEqual([a.id]);
      expect(await ids({ status: 'archived' })).toEqual([c.id]);
      expect(await ids({ workingGroupIds: [other.id], includeArchived: true })).toEqual([c.id]);
      expect(await ids({ workingGroupIds: [] })).toEqual([]);
      await store.documents.update(a.id, { title: 'Renamed', thematicPriorities: ['skills'] });
      expect(await store.documents.get(a.id)).toMatchObject({
        title: 'Renamed',
        thematicPriorities: ['skills'],
      });
    });

    it('appends to the update log, loads snapshot plus log, and compacts without losing updates', async () => {
      const { user, group } = await seedBasics();
      const source = new Y.Doc();
      const initial = yUpdate('A', source);
      const d = buildDocument({ workingGroupId: group.id, createdBy: user.id });
      await store.documents.create(d, initial);
      const seq1 = await store.documentState.append(d.id, [
        yUpdate('B', source),
        yUpdate('C', source),
      ]);
      const seq2 = await store.documentState.append(d.id, [yUpdate('D', source)]);
      expect(seq2).toBe(seq1 + 1);

      const rebuild = async () => {
        const stored = (await store.documentState.load(d.id))!;
        const doc = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        stored.updates.forEach((u) => Y.applyUpdate(doc, u.update));
        return { text: doc.getText('t').toString(), stored };
      };
      expect((await rebuild()).text).toBe('ABCD');

      const loaded = await rebuild();
      const compactDoc = new Y.Doc();
      Y.applyUpdate(compactDoc, loaded.stored.snapshot!);
      const covered = loaded.stored.updates.filter((u) => u.seq <= seq1);
      covered.forEach((u) => Y.applyUpdate(compactDoc, u.update));
      await store.documentState.compact(d.id, Y.encodeStateAsUpdate(compactDoc), seq1);
      const after = await rebuild();
      expect(after.text).toBe('ABCD');
      expect(after.stored.snapshotSeq).toBe(seq1);
      expect(after.stored.updates.map((u) => u.seq)).toEqual([seq2]);
      // Sequences keep growing after compaction: never reused.
      expect(await store.documentState.append(d.id, [yUpdate('E', source)])).toBe(seq2 + 1);
      expect(await store.documentState.load('missing')).toBeNull();
    });

    it('lists activity newest first, per working group', async () => {
      const { user, group } = await seedBasics();
      const older = buildActivity({
        actorId: user.id,
        workingGroupId: group.id,
        at: '2026-01-01T00:00:00.000Z',
      });
      const newer = buildActivity({
        actorId: user.id,
        workingGroupId: group.id,
        at: '2026-02-01T00:00:00.000Z',
      });
      const elsewhere = buildActivity({
        actorId: user.id,
        workingGroupId: 'other',
        at: '2026-03-01T00:00:00.000Z',
      });
      for (const a of [older, newer, elsewhere]) await store.activity.add(a);
      expect(
        (await store.activity.list({ workingGroupIds: [group.id], limit: 10 })).map((a) => a.id),
      ).toEqual([newer.id, older.id]);
      expect(await store.activity.list({ limit: 1 })).toEqual([elsewhere]);
    });
  });
}
