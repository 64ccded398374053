import { randomUUID } from 'node:crypto';
import type { Language, SearchEntry } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { buildSearchEntry } from '../../testing/searchFactories.js';
import { contractAdapters, storeUnderTest } from '../../testing/storeContract.js';
import type { SearchQuery, SearchResult } from './port.js';

/**
 * The search index's store contract (`SearchRepo`, port.ts): every adapter passes it, SQLite
 * always and MongoDB when MONGODB_URI names a server (`npm run test:mongo`).
 */
const ADAPTERS = contractAdapters('search-contract');

const GROUP = 'group-readable';
const OTHER_GROUP = 'group-hidden';

/** Which entries a result holds, by id, in order. */
const ids = (r: SearchResult) => r.hits.map((h) => h.id);

/** The text each highlighted range covers, in the snippet and in the title. */
function highlighted(r: SearchResult, id: string) {
  const hit = r.hits.find((h) => h.id === id)!;
  return {
    snippet: hit.snippet.ranges.map((x) => hit.snippet.text.slice(x.start, x.end)),
    title: hit.titleRanges.map((x) => hit.title.slice(x.start, x.end)),
  };
}

for (const adapter of ADAPTERS) {
  describe(`search contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    const find = (text: string, over: Partial<SearchQuery> = {}) =>
      store.search.query({
        text,
        filters: {},
        workingGroupIds: [GROUP],
        limit: 20,
        offset: 0,
        ...over,
      });
    const entry = (id: string, over: Partial<SearchEntry> = {}) =>
      buildSearchEntry({ id, workingGroupId: GROUP, ...over });

    it('finds Greek with or without accents, in either case', async () => {
      await store.search.upsert([
        entry('foresight', {
          title: 'Άσκηση προοπτικής',
          body: 'Η πολιτική καινοτομίας της περιφέρειας Κεντρικής Μακεδονίας.',
          language: 'el',
        }),
        entry('plain', { title: 'ΠΟΛΙΤΙΚΗ ΣΥΝΟΧΗΣ', body: 'χωρις τονους', language: 'el' }),
      ]);
      for (const text of ['πολιτικη', 'πολιτική', 'ΠΟΛΙΤΙΚΉ', 'Πολιτικη']) {
        expect((await find(text)).total, text).toBe(2);
      }
      expect(ids(await find('καινοτομιας περιφερεια'))).toEqual(['foresight']);
      // Every word but the last is whole: "καινοτομια" is not "καινοτομίας".
      expect(ids(await find('καινοτομια περιφερεια'))).toEqual([]);
      expect(ids(await find('τόνους'))).toEqual(['plain']);
      expect(ids(await find('ΠΡΟΟΠΤΙΚΉΣ'))).toEqual(['foresight']);
    });

    it('is accent- and case-insensitive in all six languages', async () => {
      const texts: [Language, string, string[]][] = [
        ['en', 'Cluster Financing Roadmap', ['cluster financing', 'CLUSTER', 'roadmap']],
        ['sq', 'Qëndrueshmëria e zhvillimit rajonal', ['qendrueshmeria', 'QËNDRUESHMËRIA']],
        ['bg', 'Интелигентна специализация на района', ['ИНТЕЛИГЕНТНА', 'раиона', 'района']],
        ['el', 'Διεθνοποίηση των επιχειρήσεων', ['διεθνοποιηση', 'ΕΠΙΧΕΙΡΗΣΕΩΝ']],
        ['hu', 'Kutatás-fejlesztési előrejelzés', ['elorejelzes', 'KUTATÁS', 'fejlesztési']],
        [
          'ro',
          'Finanțarea inovării în regiunea Nord-Est',
          ['finantarea', 'FINANŢAREA', 'inovarii'],
        ],
      ];
      await store.search.upsert(
        texts.map(([language, body]) => entry(language, { title: '', body, language })),
      );
      for (const [language, , queries] of texts) {
        for (const text of queries) expect(ids(await find(text)), text).toEqual([language]);
      }
    });

    it('matches the last word as a prefix, every other word whole, and all of them (AND)', async () => {
      await store.search.upsert([
        entry('financing', { title: '', body: 'Cluster financing in the Danube region' }),
        entry('clusters', { title: '', body: 'Clusters and their members' }),
        entry('region', { title: '', body: 'Regional financing instruments' }),
      ]);
      expect(ids(await find('clus')).sort()).toEqual(['clusters', 'financing']);
      expect(ids(await find('cluster fin'))).toEqual(['financing']);
      // Only the last word is a prefix: "clus" must be a whole word.
      expect(ids(await find('clus financing'))).toEqual([]);
      expect(ids(await find('financing regi')).sort()).toEqual(['financing', 'region']);
      expect(ids(await find('financing danube members'))).toEqual([]);
      expect((await find('  ¿…? ')).total).toBe(0);
    });

    it('filters by facets and counts each facet under the other filters', async () => {
      await store.search.upsert([
        entry('a', {
          body: 'smart specialisation',
          thematicPriorities: ['innovation', 'financing'],
          countries: ['GR', 'BG'],
          kind: 'foresight_exercise',
          language: 'el',
        }),
        entry('b', {
          body: 'smart specialisation',
          thematicPriorities: ['financing'],
          countries: ['RO'],
          kind: 'joint_strategic_plan',
          status: 'published',
        }),
        entry('c', {
          type: 'thread',
          threadId: randomUUID(),
          body: 'smart specialisation',
          thematicPriorities: ['skills'],
          countries: ['GR'],
          kind: null,
          status: 'open',
          language: null,
        }),
      ]);
      const all = await find('specialisation');
      expect(all.total).toBe(3);
      expect(all.facets.priority).toEqual([
        { value: 'financing', count: 2 },
        { value: 'innovation', count: 1 },
        { value: 'skills', count: 1 },
      ]);
      expect(all.facets.country).toEqual([
        { value: 'GR', count: 2 },
        { value: 'BG', count: 1 },
        { value: 'RO', count: 1 },
      ]);
      expect(all.facets.type).toEqual([
        { value: 'document', count: 2 },
        { value: 'thread', count: 1 },
      ]);
      // Null values are not a facet value.
      expect(all.facets.kind).toEqual([
        { value: 'foresight_exercise', count: 1 },
        { value: 'joint_strategic_plan', count: 1 },
      ]);
      expect(all.facets.workingGroup).toEqual([{ value: GROUP, count: 3 }]);

      const financing = await find('specialisation', { filters: { priority: ['financing'] } });
      expect(ids(financing).sort()).toEqual(['a', 'b']);
      expect(financing.total).toBe(2);
      // The priority facet still shows the other priorities; the others count the two hits.
      expect(financing.facets.priority.map((f) => f.value)).toEqual([
        'financing',
        'innovation',
        'skills',
      ]);
      expect(financing.facets.country).toEqual([
        { value: 'BG', count: 1 },
        { value: 'GR', count: 1 },
        { value: 'RO', count: 1 },
      ]);

      // Values of one facet are OR, facets are AND.
      const both = await find('specialisation', {
        filters: { country: ['GR', 'RO'], status: ['draft', 'open'] },
      });
      expect(ids(both).sort()).toEqual(['a', 'c']);
      // Status counted under the country filter alone: b (RO, published) is one of them.
      expect(both.facets.status).toEqual([
        { value: 'draft', count: 1 },
        { value: 'open', count: 1 },
        { value: 'published', count: 1 },
      ]);
      expect(both.facets.language).toEqual([{ value: 'el', count: 1 }]);
      expect(
        ids(await find('specialisation', { filters: { kind: ['training_package'] } })),
      ).toEqual([]);
      expect(
        ids(await find('specialisation', { filters: { type: ['thread'], country: ['GR'] } })),
      ).toEqual(['c']);
    });

    it('answers only from the allowed groups: no hit, no total, no count of another group', async () => {
      await store.search.upsert([
        entry('mine', { body: 'cluster financing', countries: ['GR'] }),
        entry('hidden', {
          workingGroupId: OTHER_GROUP,
          body: 'cluster financing',
          countries: ['AL'],
          thematicPriorities: ['skills'],
          language: 'sq',
        }),
      ]);
      const r = await find('cluster financing');
      expect(ids(r)).toEqual(['mine']);
      expect(r.total).toBe(1);
      const counted = Object.values(r.facets)
        .flat()
        .map((f) => f.value);
      expect(counted).not.toContain('AL');
      expect(counted).not.toContain('skills');
      expect(counted).not.toContain(OTHER_GROUP);
      // A filter naming the other group does not open it.
      const asked = await find('cluster', { filters: { workingGroup: [OTHER_GROUP] } });
      expect(asked.total).toBe(0);
      expect(asked.facets.workingGroup).toEqual([{ value: GROUP, count: 1 }]);
      expect((await find('cluster', { workingGroupIds: [] })).total).toBe(0);
      const both = await find('cluster', { workingGroupIds: [GROUP, OTHER_GROUP] });
      expect(ids(both).sort()).toEqual(['hidden', 'mine']);
    });

    it('answers entries of the types and documents named beyond the groups, and no others', async () => {
      await store.search.upsert([
        entry('mine', { body: 'smart specialisation' }),
        entry('published', {
          type: 'knowledge',
          workingGroupId: OTHER_GROUP,
          documentId: 'doc-kb',
          body: 'smart specialisation',
          countries: ['BG'],
        }),
        entry('guest-doc', {
          workingGroupId: OTHER_GROUP,
          documentId: 'doc-guest',
          body: 'smart specialisation',
        }),
        entry('guest-thread', {
          type: 'thread',
          workingGroupId: OTHER_GROUP,
          documentId: 'doc-guest',
          threadId: 'thread-guest',
          body: 'smart specialisation',
        }),
        entry('guest-decision', {
          type: 'decision',
          workingGroupId: OTHER_GROUP,
          documentId: null,
          workshopId: 'workshop-guest',
          body: 'smart specialisation',
        }),
        entry('draft', {
          workingGroupId: OTHER_GROUP,
          documentId: 'doc-kb',
          body: 'smart specialisation',
          countries: ['AL'],
        }),
      ]);
      const knowledge = await find('smart', { beyondGroups: { types: ['knowledge'] } });
      expect(ids(knowledge).sort()).toEqual(['mine', 'published']);
      expect(knowledge.total).toBe(2);
      const countries = knowledge.facets.country.map((f) => f.value);
      expect(countries).toContain('BG');
      expect(countries).not.toContain('AL');
      const guest = await find('smart', {
        workingGroupIds: [],
        beyondGroups: { documentIds: ['doc-guest'], workshopIds: ['workshop-guest'] },
      });
      expect(ids(guest).sort()).toEqual(['guest-decision', 'guest-doc', 'guest-thread']);
      expect(guest.total).toBe(3);
      expect((await find('smart', { workingGroupIds: [], beyondGroups: {} })).total).toBe(0);
    });

    it('replaces an entry on upsert: old words and facets are gone, new ones are there', async () => {
      await store.search.upsert([entry('doc', { title: 'Draft', body: 'tourism strategy' })]);
      await store.search.upsert([
        entry('doc', {
          title: 'Final',
          body: 'mobility strategy',
          thematicPriorities: ['sustainability'],
          status: 'published',
        }),
      ]);
      expect((await find('tourism')).total).toBe(0);
      const r = await find('mobility');
      expect(ids(r)).toEqual(['doc']);
      expect(r.hits[0]!.title).toBe('Final');
      expect(r.facets.priority).toEqual([{ value: 'sustainability', count: 1 }]);
      expect(r.facets.status).toEqual([{ value: 'published', count: 1 }]);
      expect((await find('strategy')).total).toBe(1);
      // The same id twice in one batch: the later one wins.
      await store.search.upsert([
        entry('doc', { body: 'first' }),
        entry('doc', { body: 'second' }),
      ]);
      expect((await find('first')).total).toBe(0);
      expect((await find('second')).total).toBe(1);
    });

    it('removes entries by id, and everything a document, thread or workshop owns', async () => {
      const documentId = randomUUID();
      const threadId = randomUUID();
      const workshopId = randomUUID();
      await store.search.upsert([
        entry('document', { documentId, body: 'pilot action' }),
        entry('thread', { type: 'thread', documentId, threadId, body: 'pilot action' }),
        entry('other-thread', { type: 'thread', threadId: randomUUID(), body: 'pilot action' }),
        entry('decision', {
          type: 'decision',
          documentId: null,
          workshopId,
          body: 'pilot action',
        }),
        entry('kept', { body: 'pilot action' }),
      ]);
      await store.search.remove(['other-thread', 'never-indexed']);
      expect(ids(await find('pilot')).sort()).toEqual(['decision', 'document', 'kept', 'thread']);
      await store.search.removeFor(documentId);
      expect(ids(await find('pilot')).sort()).toEqual(['decision', 'kept']);
      await store.search.removeFor(workshopId);
      expect(ids(await find('pilot'))).toEqual(['kept']);
      await store.search.upsert([entry('t', { type: 'thread', threadId, body: 'pilot' })]);
      await store.search.removeFor(threadId);
      expect(ids(await find('pilot'))).toEqual(['kept']);
      await store.search.remove([]);
      expect((await find('action')).total).toBe(1);
    });

    it('quotes the original text around the first match, ranges on the matched words', async () => {
      const decomposed = 'Πολιτική'.normalize('NFD');
      const before = 'Εισαγωγή και πλαίσιο της συνεργασίας στην περιοχή του Δούναβη. '.repeat(4);
      const body = `${before}Η ${decomposed} καινοτομίας, και πάλι η πολιτική. ${'Τέλος. '.repeat(60)}`;
      await store.search.upsert([
        entry('greek', { title: 'Η ΠΟΛΙΤΙΚΉ της περιφέρειας', body, language: 'el' }),
      ]);
      const r = await find('καινοτομιας πολιτ');
      const hit = r.hits[0]!;
      expect(hit.snippet.cutStart).toBe(true);
      expect(hit.snippet.cutEnd).toBe(true);
      expect(hit.snippet.text.length).toBeLessThanOrEqual(200);
      expect(body).toContain(hit.snippet.text);
      expect(highlighted(r, 'greek')).toEqual({
        snippet: [decomposed, 'καινοτομίας', 'πολιτική'],
        title: ['ΠΟΛΙΤΙΚΉ'],
      });
      // The snippet starts at a word, a little before the match.
      expect(hit.snippet.text.startsWith('Δούναβη') || /^\p{L}/u.test(hit.snippet.text)).toBe(true);
      expect(hit.snippet.text.indexOf(decomposed)).toBeLessThan(80);

      // A match in the title only: the body's beginning, nothing highlighted in it.
      await store.search.upsert([entry('titled', { title: 'Ροδόπη', body: 'Κείμενο. Άλλο.' })]);
      const titled = await find('ροδοπη');
      expect(titled.hits[0]!.snippet).toEqual({
        text: 'Κείμενο. Άλλο.',
        ranges: [],
        cutStart: false,
        cutEnd: false,
      });
      expect(highlighted(titled, 'titled').title).toEqual(['Ροδόπη']);
    });

    it('ranks a title match first, and pages through the hits', async () => {
      await store.search.upsert([
        entry('body-only', { title: 'Annual report', body: 'on skills and training' }),
        entry('titled', { title: 'Skills partnership', body: 'a regional partnership' }),
        ...Array.from({ length: 5 }, (_, i) =>
          entry(`more-${i}`, { title: `Note ${i}`, body: `about skills, part ${i}` }),
        ),
      ]);
      const first = await find('skills', { limit: 3 });
      expect(first.total).toBe(7);
      expect(first.hits[0]!.id).toBe('titled');
      expect(first.hits[0]!.score).toBeGreaterThan(first.hits[1]!.score);
      expect(first.hits).toHaveLength(3);
      const rest = await find('skills', { limit: 10, offset: 3 });
      expect(rest.hits).toHaveLength(4);
      expect(new Set([...ids(first), ...ids(rest)]).size).toBe(7);
    });

    it('leaves excluded entries out of hits, total and facets, and says when it is empty', async () => {
      expect(await store.search.isEmpty()).toBe(true);
      await store.search.upsert([
        entry('shown', { body: 'regional vouchers', countries: ['GR'] }),
        entry('excluded', { body: 'regional vouchers', countries: ['RO'] }),
      ]);
      expect(await store.search.isEmpty()).toBe(false);
      const r = await find('vouchers', { excludeIds: ['excluded'] });
      expect(ids(r)).toEqual(['shown']);
      expect(r.total).toBe(1);
      expect(r.facets.country).toEqual([{ value: 'GR', count: 1 }]);
      await store.search.remove(['shown', 'excluded']);
      expect(await store.search.isEmpty()).toBe(true);
    });

    it('keeps the index across a restart', async () => {
      await store.search.upsert([entry('kept', { body: 'Ευρωπαϊκή Εδαφική Συνεργασία' })]);
      await store.reopen();
      expect(ids(await find('ευρωπαικη συνεργ'))).toEqual(['kept']);
    });
  });
}
