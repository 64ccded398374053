import { describe, expect, it } from 'vitest';
import { buildDocument, seedStoreDocument } from '../../testing/factories.js';
import { contractAdapters, storeUnderTest, yUpdate } from '../../testing/storeContract.js';

/**
 * The knowledge base's store contract (`KnowledgeRepo`, port.ts, and the documents' tags it
 * filters on): every adapter passes it, SQLite always and MongoDB when MONGODB_URI names a
 * server (`npm run test:mongo -- src/knowledge`).
 */
const ADAPTERS = contractAdapters('knowledge-contract');

for (const adapter of ADAPTERS) {
  describe(`knowledge contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    it('keeps a document’s tags, changes them and keeps them across a restart', async () => {
      const { user, group } = await seedStoreDocument(store, yUpdate('plan'));
      const tagged = buildDocument({
        workingGroupId: group.id,
        createdBy: user.id,
        tags: ['cluster-vouchers', 'smes'],
      });
      await store.documents.create(tagged, yUpdate('practice'));
      expect((await store.documents.get(tagged.id))!.tags).toEqual(['cluster-vouchers', 'smes']);

      await store.documents.update(tagged.id, { tags: ['καινοτομία'] });
      await store.reopen();
      expect((await store.documents.get(tagged.id))!.tags).toEqual(['καινοτομία']);
      // A change of other fields leaves the tags as they are.
      await store.documents.update(tagged.id, { title: 'Renamed' });
      expect((await store.documents.get(tagged.id))!.tags).toEqual(['καινοτομία']);
    });

    it('replaces a document’s links per scope and answers who links to a document', async () => {
      await store.knowledge.replaceLinks('plan', 'latest', ['practice', 'package', 'practice']);
      await store.knowledge.replaceLinks('plan', 'published', ['practice']);
      await store.knowledge.replaceLinks('notes', 'latest', ['practice']);
      expect(await store.knowledge.linksTo('practice')).toEqual([
        { fromDocumentId: 'notes', scope: 'latest', toDocumentId: 'practice' },
        { fromDocumentId: 'plan', scope: 'latest', toDocumentId: 'practice' },
        { fromDocumentId: 'plan', scope: 'published', toDocumentId: 'practice' },
      ]);
      expect(await store.knowledge.linksTo('package')).toEqual([
        { fromDocumentId: 'plan', scope: 'latest', toDocumentId: 'package' },
      ]);

      // A new version of the plan links elsewhere: its latest links are replaced, the
      // published ones stay until the next publication.
      await store.knowledge.replaceLinks('plan', 'latest', ['package']);
      await store.reopen();
      expect(await store.knowledge.linksTo('practice')).toEqual([
        { fromDocumentId: 'notes', scope: 'latest', toDocumentId: 'practice' },
        { fromDocumentId: 'plan', scope: 'published', toDocumentId: 'practice' },
      ]);
      await store.knowledge.replaceLinks('notes', 'latest', []);
      expect(await store.knowledge.linksTo('practice')).toEqual([
        { fromDocumentId: 'plan', scope: 'published', toDocumentId: 'practice' },
      ]);
      expect(await store.knowledge.linksTo('nobody-links-here')).toEqual([]);
    });

    it('keeps one summary per published version', async () => {
      await store.knowledge.putSummary('v1', 'First words');
      await store.knowledge.putSummary('v2', '');
      await store.knowledge.putSummary('v1', 'Vouchers for cluster SMEs');
      await store.reopen();
      const found = await store.knowledge.summaries(['v1', 'v2', 'v3']);
      expect([...found].sort()).toEqual([
        ['v1', 'Vouchers for cluster SMEs'],
        ['v2', ''],
      ]);
      expect((await store.knowledge.summaries([])).size).toBe(0);
    });
  });
}
