import {
  SEARCH_LIMIT_DEFAULT,
  SEARCH_OFFSET_MAX,
  SEARCH_QUERY_MAX,
  SearchQuerySchema,
  type SearchQueryInput,
} from '@polisee/contracts';
import { SEARCH_FACETS, type SearchFacet } from '@polisee/domain';

/** Hits per page of the results page. */
export const PAGE_SIZE = SEARCH_LIMIT_DEFAULT;
/** The last page the server will answer (it refuses offsets past SEARCH_OFFSET_MAX). */
export const LAST_PAGE = Math.floor(SEARCH_OFFSET_MAX / PAGE_SIZE) + 1;

/**
 * The results page's whole state, kept in its address (`/search?q=…&priority=a&priority=b&page=2`)
 * so that a search can be shared as a link and survives a reload.
 */
export interface SearchState {
  q: string;
  filters: Partial<Record<SearchFacet, string[]>>;
  page: number;
}

/**
 * Reads the state from the address bar. Each facet value is checked on its own against the
 * contract, so one stale value in a shared link drops that value and keeps the rest.
 */
export function parseSearchState(params: URLSearchParams): SearchState {
  const q = (params.get('q') ?? '').slice(0, SEARCH_QUERY_MAX);
  let state: SearchState = { q, filters: {}, page: 1 };
  for (const facet of SEARCH_FACETS) state = withFilter(state, facet, params.getAll(facet));
  const page = Number(params.get('page'));
  return {
    ...state,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, LAST_PAGE) : 1,
  };
}

/** The address of a state: facets in a fixed order, the first page left implicit. */
export function searchStateParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of SEARCH_FACETS) {
    for (const value of state.filters[facet] ?? []) params.append(facet, value);
  }
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** What the API is asked for a state's page. */
export function searchStateQuery(state: SearchState): SearchQueryInput {
  // Every filter value went through the contract's schema in `withFilter`.
  return {
    q: state.q.trim(),
    ...state.filters,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  } as SearchQueryInput;
}

/** The values the contract takes for a facet, once each, in the order given. */
function validValues(facet: SearchFacet, values: readonly string[]): string[] {
  const valid: string[] = [];
  for (const raw of values) {
    const parsed = SearchQuerySchema.shape[facet].safeParse(raw);
    const value = parsed.success ? parsed.data?.[0] : undefined;
    if (value !== undefined && !valid.includes(value)) valid.push(value);
  }
  return valid;
}

/**
 * The state with a facet's chosen values replaced (those the contract refuses left out); a
 * change of filter starts again from the first page.
 */
export function withFilter(
  state: SearchState,
  facet: SearchFacet,
  values: readonly string[],
): SearchState {
  const filters = { ...state.filters };
  const valid = validValues(facet, values);
  if (valid.length > 0) filters[facet] = valid;
  else delete filters[facet];
  return { ...state, filters, page: 1 };
}

export function hasFilters(state: SearchState): boolean {
  return Object.keys(state.filters).length > 0;
}
