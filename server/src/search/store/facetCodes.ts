import { SEARCH_FACETS, type SearchEntry, type SearchFacet } from '@polisee/domain';
import type { FacetCount, SearchFilters } from './port.js';

/**
 * The SQLite index keeps an entry's facet values as one string of small ids, `,3,17,25,`
 * (`search_entries.facets`, ids of `search_facet_values`). A query then counts every facet from
 * one string per matching entry (`group_concat`) in a single pass here, instead of one join and
 * GROUP BY per facet over every match: on a word found in 39,000 entries those took most of
 * the query's second (issue 17). The commas at both ends let `instr(facets, ',17,')` filter.
 */

/** Every facet value of an entry, as it is stored in `search_facet_values`. */
export function facetValuesOf(e: SearchEntry): [SearchFacet, string][] {
  const values: [SearchFacet, string | null][] = [
    ['type', e.type],
    ['kind', e.kind],
    ['workingGroup', e.workingGroupId],
    ['status', e.status],
    ['language', e.language],
    ...e.thematicPriorities.map((p): [SearchFacet, string] => ['priority', p]),
    ...e.countries.map((c): [SearchFacet, string] => ['country', c]),
  ];
  // Null values are no facet value; a repeated value counts once.
  const seen = new Set<string>();
  return values.filter((v): v is [SearchFacet, string] => {
    const key = `${v[0]}\u0000${v[1]}`;
    if (v[1] === null || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function encodeFacetIds(ids: readonly number[]): string {
  return `,${ids.join(',')},`;
}

/** The needle `instr` looks for to find one value id in an entry's facets. */
export function facetIdNeedle(id: number): string {
  return `,${id},`;
}

export interface FacetValueRow {
  id: number;
  facet: SearchFacet;
  value: string;
}

/**
 * The total and the facet counts of the matching entries, from their facet strings joined by
 * `;`. An entry that passes every filter counts in the total and in every facet; one that fails
 * exactly one facet's filter counts in that facet only (each facet's counts apply every filter
 * but its own); one that fails two counts nowhere.
 */
export function countFacets(
  joined: string | null,
  dictionary: readonly FacetValueRow[],
  filters: SearchFilters,
): { total: number; counts: { facet: SearchFacet; count: FacetCount }[] } {
  const size = dictionary.reduce((max, d) => Math.max(max, d.id), 0) + 1;
  const facetIndex = new Int8Array(size).fill(-1);
  for (const d of dictionary) facetIndex[d.id] = SEARCH_FACETS.indexOf(d.facet);
  // Per facet with a filter: the ids it keeps; facets without a filter keep everything.
  const filtered = SEARCH_FACETS.map((f) => (filters[f]?.length ?? 0) > 0);
  const kept = new Uint8Array(size);
  for (const d of dictionary) if (filters[d.facet]?.includes(d.value)) kept[d.id] = 1;

  const counts = new Uint32Array(size);
  let total = 0;
  const text = joined ?? '';
  if (!filtered.includes(true)) {
    // No filter (a query typed as it is, most of them): every entry counts everywhere, and the
    // scan only adds; entries are ids between `;`.
    let id = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        id = (id < 0 ? 0 : id * 10) + c - 48;
        continue;
      }
      if (id >= 0 && id < size) counts[id]! += 1;
      id = -1;
      if (c === 59) total += 1;
    }
    if (text.length > 0) total += 1;
    return { total, counts: countsOf(dictionary, counts) };
  }
  // Facets as bits: those filtered, and per entry those whose filter it passes.
  let filteredMask = 0;
  filtered.forEach((isFiltered, f) => {
    if (isFiltered) filteredMask |= 1 << f;
  });
  // An entry has at most ~40 facet values (30 countries, 6 priorities, 5 single ones).
  const ids = new Int32Array(256);
  let idCount = 0;
  let passedMask = 0;
  const finishEntry = () => {
    const failures = filteredMask & ~passedMask;
    if (failures === 0) {
      total += 1;
      for (let k = 0; k < idCount; k++) counts[ids[k]!]! += 1;
    } else if ((failures & (failures - 1)) === 0) {
      // Exactly one facet failed: the entry counts in that facet only.
      for (let k = 0; k < idCount; k++) {
        if (1 << facetIndex[ids[k]!]! === failures) counts[ids[k]!]! += 1;
      }
    }
    idCount = 0;
    passedMask = 0;
  };
  // A hand-written scan: the string holds about ten ids per matching entry, tens of thousands
  // of entries for a frequent word; split() and a Map per entry cost more than the query.
  let id = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      id = (id < 0 ? 0 : id * 10) + c - 48;
      continue;
    }
    if (id >= 0 && id < size && idCount < ids.length) {
      ids[idCount++] = id;
      if (kept[id]) passedMask |= 1 << facetIndex[id]!;
    }
    id = -1;
    if (c === 59) finishEntry();
  }
  if (text.length > 0) finishEntry();
  return { total, counts: countsOf(dictionary, counts) };
}

function countsOf(dictionary: readonly FacetValueRow[], counts: Uint32Array) {
  const result: { facet: SearchFacet; count: FacetCount }[] = [];
  for (const d of dictionary) {
    const count = counts[d.id]!;
    if (count > 0) result.push({ facet: d.facet, count: { value: d.value, count } });
  }
  return result;
}
