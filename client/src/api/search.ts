import { SearchResponseSchema, type SearchQueryInput } from '@polisee/contracts';
import { SEARCH_FACETS } from '@polisee/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from './ApiError';
import { api } from './http';
import { queryKeys } from './queryKeys';

/**
 * `q`, each facet value as a parameter of its own (`priority=a&priority=b`, as the contract
 * reads repeats), then the page. Built here because the shared query builder takes one value
 * per key.
 */
export function searchQueryString(query: SearchQueryInput): string {
  const params = new URLSearchParams({ q: query.q });
  for (const facet of SEARCH_FACETS) {
    const values = query[facet];
    for (const value of Array.isArray(values) ? values : values ? [values] : []) {
      params.append(facet, value);
    }
  }
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset) params.set('offset', String(query.offset));
  return params.toString();
}

export async function fetchSearch(query: SearchQueryInput, signal?: AbortSignal) {
  const body = await api.get<unknown>(`/search?${searchQueryString(query)}`, undefined, signal);
  // Parsed with the contract: highlights index into the text, so a drifted shape must not render.
  const parsed = SearchResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('unexpected_response', 200, 'The server answered outside the contract.');
  }
  return parsed.data;
}

/**
 * One page of hits. The previous page stays shown while the next query loads, so results do
 * not blink away at every keystroke; nothing is asked for a query without text.
 */
export function useSearch(query: SearchQueryInput) {
  return useQuery({
    queryKey: queryKeys.search.results(query),
    queryFn: ({ signal }) => fetchSearch(query, signal),
    enabled: query.q.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
