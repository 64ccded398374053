import { AppError } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  buildDocument,
  buildReview,
  buildVersion,
  seedStoreDocument,
} from '../testing/factories.js';
import { contractAdapters, storeUnderTest } from '../testing/storeContract.js';

/**
 * The store contract for versions, review rounds and publications (see contract.test.ts):
 * every adapter passes it.
 */
const ADAPTERS = contractAdapters('version-contract');

/** Yjs state of a given size, distinct per call. */
function state(bytes = 16): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc);
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

for (const adapter of ADAPTERS) {
  describe(`version contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    const seedDocument = () => seedStoreDocument(store, state());

    it('numbers versions per document and keeps their bytes apart', async () => {
      const { org, user, doc } = await seedDocument();
      const other = buildDocument({ workingGroupId: doc.workingGroupId, createdBy: user.id });
      await store.documents.create(other, state());
      const bytes = state(100);
      const v1 = await store.versions.create(
        buildVersion({
          documentId: doc.id,
          kind: 'named',
          name: 'First',
          createdBy: user.id,
          contributors: [{ userId: user.id, organisationId: org.id }],
          createdAt: at(1),
        }),
        bytes,
      );
      expect(v1.number).toBe(1);
      const v2 = await store.versions.create(buildVersion({ documentId: doc.id }), state());
      const elsewhere = await store.versions.create(
        buildVersion({ documentId: other.id }),
        state(),
      );
      expect([v2.number, elsewhere.number]).toEqual([2, 1]);
      expect(await store.versions.get(v1.id)).toEqual(v1);
      expect(await store.versions.state(v1.id)).toEqual(bytes);
      expect(await store.versions.get('missing')).toBeNull();
      expect(await store.versions.state('missing')).toBeNull();
      // store:copy keeps the source's numbers.
      const kept = await store.versions.create(
        buildVersion({ documentId: other.id, number: 7 }),
        state(),
      );
      expect(kept.number).toBe(7);
      expect(
        (await store.versions.create(buildVersion({ documentId: other.id }), state())).number,
      ).toBe(8);
    });

    it('numbers concurrent versions of one document without a gap or a repeat', async () => {
      const { doc } = await seedDocument();
      const made = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.versions.create(buildVersion({ documentId: doc.id }), state()),
        ),
      );
      expect(made.map((v) => v.number).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
    });

    it('lists 1,000 versions newest first, in pages, as metadata only', async () => {
      const { doc } = await seedDocument();
      // Large states: listing must not read them.
      const big = state(64 * 1024);
      for (let i = 0; i < 1000; i++) {
        await store.versions.create(buildVersion({ documentId: doc.id, createdAt: at(i) }), big);
      }
      const started = performance.now();
      const all = await store.versions.list(doc.id, { limit: 1000 });
      const elapsed = performance.now() - started;
      expect(all).toHaveLength(1000);
      expect(all[0]!.number).toBe(1000);
      expect(all.at(-1)!.number).toBe(1);
      expect(Object.keys(all[0]!).sort()).toEqual(
        [
          'contentHash',
          'contributors',
          'createdAt',
          'createdBy',
          'documentId',
          'documentStatus',
          'id',
          'kind',
          'name',
          'number',
          'sourceVersionId',
          'stateVector',
        ].sort(),
      );
      // 64 MB of bytes would not be read this fast; metadata is.
      expect(elapsed).toBeLessThan(1000);
      const page = await store.versions.list(doc.id, { limit: 10, before: 500 });
      expect(page.map((v) => v.number)).toEqual([499, 498, 497, 496, 495, 494, 493, 492, 491, 490]);
      expect(await store.versions.list(doc.id, { limit: 0 })).toEqual([]);
    });

    it('stores review rounds, one verdict per reviewer, one open round per document', async () => {
      const { user, group, doc } = await seedDocument();
      const version = await store.versions.create(buildVersion({ documentId: doc.id }), state());
      const base = {
        documentId: doc.id,
        workingGroupId: group.id,
        versionId: version.id,
        requestedBy: user.id,
      };
      const reviewers = [
        { userId: 'r1', verdict: null, summary: null, givenAt: null },
        { userId: 'r2', verdict: null, summary: null, givenAt: null },
      ];
      const round1 = buildReview({ ...base, round: 1, reviewers, requestedAt: at(1) });
      await store.reviews.create(round1);
      expect(await store.reviews.get(round1.id)).toEqual(round1);

      expect(
        await store.reviews.setVerdict(round1.id, 'r2', {
          verdict: 'request_changes',
          summary: 'More figures',
          givenAt: at(2),
        }),
      ).toBe(true);
      // Once only, and only for its reviewers.
      expect(
        await store.reviews.setVerdict(round1.id, 'r2', {
          verdict: 'approve',
          summary: '',
          givenAt: at(3),
        }),
      ).toBe(false);
      expect(
        await store.reviews.setVerdict(round1.id, 'stranger', {
          verdict: 'approve',
          summary: '',
          givenAt: at(3),
        }),
      ).toBe(false);
      expect((await store.reviews.get(round1.id))!.reviewers).toEqual([
        reviewers[0],
        { userId: 'r2', verdict: 'request_changes', summary: 'More figures', givenAt: at(2) },
      ]);

      const round2 = buildReview({ ...base, round: 2, reviewers, requestedAt: at(4) });
      await store.reviews.create(round2);
      expect(await store.reviews.get(round1.id)).toMatchObject({
        state: 'closed',
        closedAt: at(4),
      });
      expect((await store.reviews.listForDocument(doc.id)).map((r) => r.round)).toEqual([2, 1]);
      await expect(
        store.reviews.create(buildReview({ ...base, round: 2, reviewers })),
      ).rejects.toSatisfy((err) => err instanceof AppError && err.code === 'conflict');

      await store.reviews.closeOpen(doc.id, at(9));
      expect(await store.reviews.get(round2.id)).toMatchObject({
        state: 'closed',
        closedAt: at(9),
      });
    });

    it('finds open rounds coming due and lets one caller claim each reminder', async () => {
      const { user, group, doc } = await seedDocument();
      const version = await store.versions.create(buildVersion({ documentId: doc.id }), state());
      const base = {
        documentId: doc.id,
        workingGroupId: group.id,
        versionId: version.id,
        requestedBy: user.id,
      };
      const soon = buildReview({ ...base, round: 1, state: 'closed', dueDate: at(10) });
      const later = buildReview({ ...base, round: 2, dueDate: at(100) });
      await store.reviews.create(soon);
      await store.reviews.create(later);
      expect(await store.reviews.listDueForReminder(at(50))).toEqual([]);
      expect((await store.reviews.listDueForReminder(at(100))).map((r) => r.id)).toEqual([
        later.id,
      ]);
      expect(await store.reviews.markReminded(later.id, at(60))).toBe(true);
      expect(await store.reviews.markReminded(later.id, at(61))).toBe(false);
      expect(await store.reviews.listDueForReminder(at(100))).toEqual([]);
      expect((await store.reviews.get(later.id))!.reminderSentAt).toBe(at(60));
    });

    it('keeps publications, serving the latest per document', async () => {
      const { user, doc } = await seedDocument();
      const v1 = await store.versions.create(buildVersion({ documentId: doc.id }), state());
      const v2 = await store.versions.create(buildVersion({ documentId: doc.id }), state());
      expect(await store.publications.latest(doc.id)).toBeNull();
      const first = {
        id: 'p1',
        documentId: doc.id,
        versionId: v1.id,
        publishedAt: at(1),
        publishedBy: user.id,
      };
      const second = { ...first, id: 'p2', versionId: v2.id, publishedAt: at(2) };
      await store.publications.add(first);
      await store.publications.add(second);
      expect(await store.publications.latest(doc.id)).toEqual(second);
      expect(await store.publications.latest('other')).toBeNull();
    });
  });
}
