import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSearch } from '../../api/search';
import { useWorkingGroups } from '../../api/workspace';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { SearchFacets } from './SearchFacets';
import { SearchResult } from './SearchResult';
import {
  LAST_PAGE,
  PAGE_SIZE,
  hasFilters,
  parseSearchState,
  searchStateParams,
  searchStateQuery,
  withFilter,
  type SearchState,
} from './searchState';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * Search results (`/search?q=…`): hits with their matches marked, facets to narrow them, pages.
 * Everything is in the address; typing in the page's own field rewrites it (replacing the
 * entry, so Back leaves the search rather than stepping through keystrokes), and the previous
 * hits stay shown while the next ones load.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchState(params), [params]);
  const query = useMemo(() => searchStateQuery(state), [state]);
  const results = useSearch(query);
  const groups = useWorkingGroups();
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name;
  usePageTitle(state.q ? t('search.pageTitleFor', { q: state.q }) : t('search.title'));

  const [text, setText] = useState(state.q);
  const typed = useDebouncedValue(text);
  const latest = useRef({ q: state.q, typed });
  latest.current = { q: state.q, typed };

  const go = (next: SearchState, replace = false) =>
    setParams(searchStateParams(next), { replace });

  // What was typed goes to the address once typing pauses…
  useEffect(() => {
    if (typed === latest.current.q) return;
    setParams((current) => searchStateParams({ ...parseSearchState(current), q: typed, page: 1 }), {
      replace: true,
    });
  }, [typed, setParams]);
  // …and a query that arrives from elsewhere (the header's box, Back) replaces the field.
  useEffect(() => {
    if (state.q !== latest.current.typed) setText(state.q);
  }, [state.q]);

  const data = results.data;
  const total = data?.total ?? 0;
  const pages = Math.min(LAST_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const pageLink = (page: number) => paths.search(searchStateParams({ ...state, page }));

  return (
    <div className="page search-page">
      <h1>{t('search.title')}</h1>
      <form
        role="search"
        className="search-page-form"
        aria-label={t('search.label')}
        onSubmit={(event) => {
          event.preventDefault();
          go({ ...state, q: text, page: 1 });
        }}
      >
        <label htmlFor="search-page-query">{t('search.queryLabel')}</label>
        <div className="search-page-field">
          <input
            id="search-page-query"
            type="search"
            name="q"
            autoComplete="off"
            maxLength={200}
            value={text}
            data-testid="search-page-query"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button-primary">
            {t('search.submit')}
          </button>
        </div>
      </form>

      {/* Always in the page, so that each new count is read out when it changes. */}
      <p className="search-total" role="status" aria-live="polite" data-testid="search-total">
        {state.q.trim() && data
          ? t('search.total', { count: total, q: state.q.trim() })
          : results.isFetching
            ? t('search.searching')
            : ''}
      </p>

      {!state.q.trim() ? (
        <p className="empty-state">{t('search.noQuery')}</p>
      ) : results.isError && !data ? (
        <ErrorAlert error={results.error} context={t('search.loadFailed')} />
      ) : !data ? (
        <Loading />
      ) : (
        <div className="search-layout" aria-busy={results.isPlaceholderData}>
          <aside className="search-aside" aria-label={t('search.filters')}>
            <SearchFacets
              facets={data.facets}
              state={state}
              groupName={groupName}
              onChange={(facet, values) => go(withFilter(state, facet, values))}
            />
          </aside>
          <section className="search-results" aria-label={t('search.results')}>
            {results.isError ? (
              <ErrorAlert error={results.error} context={t('search.loadFailed')} />
            ) : null}
            {data.items.length === 0 ? (
              <div className="empty-state" data-testid="search-empty">
                <p>
                  {hasFilters(state)
                    ? t('search.emptyFiltered', { q: state.q.trim() })
                    : t('search.empty', { q: state.q.trim() })}
                </p>
                {hasFilters(state) ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => go({ ...state, filters: {}, page: 1 })}
                  >
                    {t('search.clearFilters')}
                  </button>
                ) : null}
              </div>
            ) : (
              <ol className="search-result-list">
                {data.items.map((item) => (
                  <SearchResult
                    key={item.id}
                    item={item}
                    groupName={groupName(item.workingGroupId)}
                  />
                ))}
              </ol>
            )}
            {pages > 1 ? (
              <nav className="search-pager" aria-label={t('search.pages')}>
                {state.page > 1 ? (
                  <Link to={pageLink(state.page - 1)} rel="prev">
                    {t('search.previous')}
                  </Link>
                ) : null}
                <span>{t('search.pageOf', { page: state.page, pages })}</span>
                {state.page < pages ? (
                  <Link to={pageLink(state.page + 1)} rel="next">
                    {t('search.next')}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        </div>
      )}
    </div>
  );
}
