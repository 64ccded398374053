import { DocumentFilterSchema, type DocumentFilter } from '@polisee/contracts';

/** The catalogue's filters, by the query parameter that carries each one (and `GET /api/documents` takes). */
export const FILTER_PARAMS = ['workingGroupId', 'priority', 'kind', 'status', 'country'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export const INCLUDE_ARCHIVED_PARAM = 'includeArchived';
export const GROUP_BY_PARAM = 'groupBy';

/**
 * Reads the filters from the address bar. Each value is checked on its own against the
 * contract, so one stale value in a bookmarked link drops that filter and keeps the others.
 */
export function filterFromSearchParams(params: URLSearchParams): DocumentFilter {
  const filter: DocumentFilter = {};
  for (const key of FILTER_PARAMS) {
    const raw = params.get(key);
    if (!raw) continue;
    const parsed = DocumentFilterSchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) Object.assign(filter, { [key]: parsed.data });
  }
  if (params.get(INCLUDE_ARCHIVED_PARAM) === 'true') filter.includeArchived = true;
  return filter;
}

/** Sets or clears one parameter, keeping the others; an empty value means "all". */
export function withParam(
  params: URLSearchParams,
  key: string,
  value: string | null,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

export function hasActiveFilters(filter: DocumentFilter): boolean {
  return FILTER_PARAMS.some((key) => filter[key] !== undefined) || filter.includeArchived === true;
}
