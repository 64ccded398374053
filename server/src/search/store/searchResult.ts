import { SEARCH_FACETS, type SearchFacet } from '@polisee/domain';
import type { FacetCount, SearchQuery, SearchResult } from './port.js';

/** Whether a query names any group, type or document whose entries it may answer. */
export function answersAnything(q: SearchQuery): boolean {
  return (
    q.workingGroupIds.length > 0 ||
    (q.beyondGroups?.types?.length ?? 0) > 0 ||
    (q.beyondGroups?.documentIds?.length ?? 0) > 0 ||
    (q.beyondGroups?.workshopIds?.length ?? 0) > 0
  );
}

/** What a query that can find nothing answers. */
export function emptyResult(): SearchResult {
  return { hits: [], total: 0, facets: facetsFrom([]) };
}

/** Every facet (empty when no hit has it), values most frequent first, then by value. */
export function facetsFrom(
  rows: readonly { facet: SearchFacet; count: FacetCount }[],
): SearchResult['facets'] {
  const facets = Object.fromEntries(SEARCH_FACETS.map((f) => [f, [] as FacetCount[]])) as Record<
    SearchFacet,
    FacetCount[]
  >;
  for (const { facet, count } of rows) facets[facet].push(count);
  for (const counts of Object.values(facets)) {
    counts.sort(
      (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  }
  return facets;
}
