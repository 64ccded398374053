import { randomUUID } from 'node:crypto';
import type { SignoffAnswer, SignoffRequest } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { buildDocument, seedStoreDocument } from '../../testing/factories.js';
import { contractAdapters, storeUnderTest, yUpdate } from '../../testing/storeContract.js';

/**
 * The sign-offs' store contract (`SignoffRepo`, port.ts): every adapter passes it, SQLite
 * always and MongoDB when MONGODB_URI names a server (`npm run test:mongo -- src/signoffs`).
 */
const ADAPTERS = contractAdapters('signoff-contract');

/** Timestamps a fixed distance apart, so ordering never depends on the clock. */
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

const answer = (organisationId: string, over: Partial<SignoffAnswer> = {}): SignoffAnswer => ({
  organisationId,
  userId: `signer-${organisationId}`,
  answer: 'consent',
  text: '',
  answeredAt: at(10),
  ...over,
});

for (const adapter of ADAPTERS) {
  describe(`signoff contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    async function seed() {
      const { user, group, doc } = await seedStoreDocument(store, yUpdate('plan'));
      const request = (over: Partial<SignoffRequest> = {}): SignoffRequest => ({
        id: randomUUID(),
        documentId: doc.id,
        workingGroupId: group.id,
        versionId: randomUUID(),
        requestedBy: user.id,
        requestedAt: at(1),
        message: 'Please sign off version 3',
        quorum: 'all',
        required: 3,
        organisationIds: ['org-c', 'org-a', 'org-b'],
        answers: [],
        withdrawnAt: null,
        withdrawnBy: null,
        lapsedAt: null,
        ...over,
      });
      return { user, group, doc, request };
    }

    it('keeps one signatory per organisation and group: a second replaces the first', async () => {
      const { group, user } = await seed();
      const first = {
        workingGroupId: group.id,
        organisationId: 'org-b',
        userId: 'u-1',
        setBy: user.id,
        setAt: at(1),
      };
      await store.signoffs.setSignatory(first);
      await store.signoffs.setSignatory({ ...first, organisationId: 'org-a', userId: 'u-2' });
      await store.signoffs.setSignatory({ ...first, workingGroupId: 'other', userId: 'u-9' });
      const replaced = { ...first, userId: 'u-3', setAt: at(2) };
      await store.signoffs.setSignatory(replaced);
      expect(await store.signoffs.listSignatories(group.id)).toEqual([
        { ...first, organisationId: 'org-a', userId: 'u-2' },
        replaced,
      ]);
      expect(await store.signoffs.clearSignatory(group.id, 'org-b')).toBe(true);
      expect(await store.signoffs.clearSignatory(group.id, 'org-b')).toBe(false);
      expect((await store.signoffs.listSignatories(group.id)).map((s) => s.userId)).toEqual([
        'u-2',
      ]);
      await store.reopen();
      expect(await store.signoffs.listSignatories('other')).toHaveLength(1);
    });

    it('stores a request as given and lists a document’s requests newest first', async () => {
      const { doc, request } = await seed();
      const older = request({ requestedAt: at(1) });
      const newer = request({
        requestedAt: at(5),
        quorum: 'n_of_m',
        required: 2,
        answers: [answer('org-a', { answer: 'object', text: 'Not yet' })],
      });
      const { group, user } = await seed();
      const other = buildDocument({ workingGroupId: group.id, createdBy: user.id });
      await store.documents.create(other, yUpdate('other'));
      const elsewhere = request({ documentId: other.id });
      await store.signoffs.create(older);
      await store.signoffs.create(newer);
      await store.signoffs.create(elsewhere);
      await store.reopen();
      expect(await store.signoffs.get(newer.id)).toEqual(newer);
      expect(await store.signoffs.get(randomUUID())).toBeNull();
      expect(await store.signoffs.listForDocument(doc.id)).toEqual([newer, older]);
      const latest = await store.signoffs.latestForDocuments([doc.id, elsewhere.documentId, 'x']);
      expect(latest.map((r) => r.id).sort()).toEqual([newer.id, elsewhere.id].sort());
      expect(await store.signoffs.latestForDocuments([])).toEqual([]);
    });

    it('appends one answer per organisation asked, in order, and never a second', async () => {
      const { request } = await seed();
      const r = request();
      await store.signoffs.create(r);
      const b = answer('org-b', { answer: 'consent_with_reservations', text: 'Annex 2' });
      const a = answer('org-a', { answeredAt: at(11) });
      expect(await store.signoffs.addAnswer(r.id, b)).toBe(true);
      expect(await store.signoffs.addAnswer(r.id, a)).toBe(true);
      // The same organisation again, even with another answer: refused, nothing changes.
      expect(await store.signoffs.addAnswer(r.id, { ...b, answer: 'object' })).toBe(false);
      // An organisation the request does not ask; a request that does not exist.
      expect(await store.signoffs.addAnswer(r.id, answer('org-z'))).toBe(false);
      expect(await store.signoffs.addAnswer(randomUUID(), answer('org-c'))).toBe(false);
      expect((await store.signoffs.get(r.id))!.answers).toEqual([b, a]);
    });

    it('of two answers of one organisation at once, keeps exactly one', async () => {
      const { request } = await seed();
      const r = request();
      await store.signoffs.create(r);
      const results = await Promise.all(
        ['consent', 'object', 'consent'].map((kind) =>
          store.signoffs.addAnswer(
            r.id,
            answer('org-c', { answer: kind as SignoffAnswer['answer'], text: 'x' }),
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.signoffs.get(r.id))!.answers).toHaveLength(1);
    });

    it('withdraws or lapses a live request once, and then takes no answer', async () => {
      const { user, request } = await seed();
      const withdrawn = request();
      const lapsed = request({ requestedAt: at(2) });
      await store.signoffs.create(withdrawn);
      await store.signoffs.create(lapsed);
      expect(await store.signoffs.withdraw(withdrawn.id, user.id, at(20))).toBe(true);
      expect(await store.signoffs.withdraw(withdrawn.id, user.id, at(21))).toBe(false);
      expect(await store.signoffs.markLapsed(withdrawn.id, at(22))).toBe(false);
      expect(await store.signoffs.markLapsed(lapsed.id, at(23))).toBe(true);
      expect(await store.signoffs.markLapsed(lapsed.id, at(24))).toBe(false);
      expect(await store.signoffs.withdraw(lapsed.id, user.id, at(25))).toBe(false);
      for (const r of [withdrawn, lapsed]) {
        expect(await store.signoffs.addAnswer(r.id, answer('org-a'))).toBe(false);
      }
      expect(await store.signoffs.get(withdrawn.id)).toMatchObject({
        withdrawnAt: at(20),
        withdrawnBy: user.id,
        lapsedAt: null,
        answers: [],
      });
      expect(await store.signoffs.get(lapsed.id)).toMatchObject({
        withdrawnAt: null,
        lapsedAt: at(23),
      });
    });
  });
}
