import type { ClientBinding, Contribution } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { seedStoreDocument } from '../../testing/factories.js';
import { contractAdapters, storeUnderTest, yUpdate } from '../../testing/storeContract.js';

/**
 * The attribution store contract (`AttributionRepo`, port.ts): every adapter passes it, SQLite
 * always and MongoDB when MONGODB_URI names a server (see store/contract.test.ts).
 */
const ADAPTERS = contractAdapters('attribution-contract');

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

for (const adapter of ADAPTERS) {
  describe(`attribution contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    async function seed() {
      const { user, org, doc } = await seedStoreDocument(store, yUpdate('plan'));
      const entry = (over: Partial<Contribution> = {}): Contribution => ({
        documentId: doc.id,
        userId: user.id,
        organisationId: org.id,
        country: 'GR',
        at: at(1),
        kind: 'edit',
        inserted: 5,
        deleted: 0,
        suggestionIds: [],
        ...over,
      });
      const binding = (over: Partial<ClientBinding> = {}): ClientBinding => ({
        documentId: doc.id,
        clientId: 7,
        userId: user.id,
        organisationId: org.id,
        country: 'GR',
        boundAt: at(1),
        ...over,
      });
      return { doc, entry, binding };
    }

    it('appends entries and lists them by document and time range, in time order', async () => {
      const { doc, entry } = await seed();
      const other = await seedStoreDocument(store, yUpdate('other'));
      const late = entry({ at: at(9), kind: 'suggestion', suggestionIds: ['s-1', 's-2'] });
      const early = entry({ at: at(2), kind: 'reject', inserted: 0, deleted: 3, userId: 'u-b' });
      const elsewhere = entry({ documentId: other.doc.id, at: at(5) });
      await store.attribution.appendContributions([late, early]);
      await store.attribution.appendContributions([elsewhere]);
      await store.attribution.appendContributions([]);

      expect(await store.attribution.listContributions({ documentIds: [doc.id] })).toEqual([
        early,
        late,
      ]);
      expect(
        await store.attribution.listContributions({ documentIds: [doc.id, other.doc.id] }),
      ).toEqual([early, elsewhere, late]);
      // `from` inclusive, `to` exclusive.
      expect(
        await store.attribution.listContributions({
          documentIds: [doc.id, other.doc.id],
          from: at(2),
          to: at(9),
        }),
      ).toEqual([early, elsewhere]);
      expect(await store.attribution.listContributions({ documentIds: [] })).toEqual([]);
    });

    it('keeps the first user of a client id: a second binding changes nothing', async () => {
      const { doc, binding } = await seed();
      const first = binding({ clientId: 42 });
      const second = binding({ clientId: 3 });
      expect(await store.attribution.bindClients([first, second])).toEqual([first, second]);
      const usurper = binding({ clientId: 42, userId: 'someone-else', boundAt: at(5) });
      const fresh = binding({ clientId: 9, userId: 'someone-else', boundAt: at(5) });
      expect(await store.attribution.bindClients([usurper, fresh])).toEqual([first, fresh]);
      expect(await store.attribution.listBindings(doc.id)).toEqual([second, fresh, first]);
      expect(await store.attribution.listBindings('no-such-document')).toEqual([]);
    });
  });
}
