import { describe, expect, it } from 'vitest';
import { buildSearchEntry } from '../../testing/searchFactories.js';
import { countFacets, encodeFacetIds, facetValuesOf, type FacetValueRow } from './facetCodes.js';

const DICTIONARY: FacetValueRow[] = [
  { id: 1, facet: 'type', value: 'document' },
  { id: 2, facet: 'type', value: 'thread' },
  { id: 3, facet: 'country', value: 'GR' },
  { id: 4, facet: 'country', value: 'RO' },
  { id: 12, facet: 'language', value: 'el' },
];

/** The matching entries' facet strings as the SQLite adapter's query joins them. */
const joined = (...entries: number[][]) => entries.map(encodeFacetIds).join(';');

describe('facet codes', () => {
  it('lists every non-null facet value of an entry once', () => {
    const values = facetValuesOf(
      buildSearchEntry({
        workingGroupId: 'g',
        countries: ['GR', 'GR', 'RO'],
        thematicPriorities: [],
        kind: null,
      }),
    );
    expect(values).toEqual([
      ['type', 'document'],
      ['workingGroup', 'g'],
      ['status', 'draft'],
      ['language', 'en'],
      ['country', 'GR'],
      ['country', 'RO'],
    ]);
  });

  it('counts each facet under every filter but its own, the total under all of them', () => {
    const entries = joined([1, 3, 12], [1, 4], [2, 3], [2, 4]);
    const { total, counts } = countFacets(entries, DICTIONARY, {
      type: ['document'],
      country: ['GR'],
    });
    // Only [1, 3, 12] passes both; [1, 4] fails country only, [2, 3] type only, [2, 4] both.
    expect(total).toBe(1);
    expect(counts).toEqual([
      { facet: 'type', count: { value: 'document', count: 1 } },
      { facet: 'type', count: { value: 'thread', count: 1 } },
      { facet: 'country', count: { value: 'GR', count: 1 } },
      { facet: 'country', count: { value: 'RO', count: 1 } },
      { facet: 'language', count: { value: 'el', count: 1 } },
    ]);
  });

  it('counts every entry everywhere without a filter, as the filtered scan would', () => {
    const entries = joined([1, 3, 12], [1, 4], [2, 3], [2, 4]);
    const { total, counts } = countFacets(entries, DICTIONARY, {});
    expect(total).toBe(4);
    expect(counts).toEqual([
      { facet: 'type', count: { value: 'document', count: 2 } },
      { facet: 'type', count: { value: 'thread', count: 2 } },
      { facet: 'country', count: { value: 'GR', count: 2 } },
      { facet: 'country', count: { value: 'RO', count: 2 } },
      { facet: 'language', count: { value: 'el', count: 1 } },
    ]);
    // An empty filter list is no filter.
    expect(countFacets(entries, DICTIONARY, { type: [] })).toEqual({ total, counts });
  });

  it('keeps nothing for a filter of unknown values, and counts nothing of no match', () => {
    const unknown = countFacets(joined([1, 3], [2, 4]), DICTIONARY, { status: ['published'] });
    expect(unknown.total).toBe(0);
    expect(unknown.counts).toEqual([]);
    expect(countFacets(null, DICTIONARY, {})).toEqual({ total: 0, counts: [] });
    // An id of two digits and one entry alone.
    expect(countFacets(joined([12]), DICTIONARY, {}).counts).toEqual([
      { facet: 'language', count: { value: 'el', count: 1 } },
    ]);
  });
});
