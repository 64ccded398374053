import { describe, expect, it } from 'vitest';
import {
  LAST_PAGE,
  PAGE_SIZE,
  hasFilters,
  parseSearchState,
  searchStateParams,
  searchStateQuery,
  withFilter,
} from './searchState';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe('search state in the address', () => {
  it('reads the query, repeated facet values and the page', () => {
    expect(
      parse('q=πολιτικη&priority=innovation&priority=skills&kind=foresight_exercise&page=3'),
    ).toEqual({
      q: 'πολιτικη',
      filters: { priority: ['innovation', 'skills'], kind: ['foresight_exercise'] },
      page: 3,
    });
  });

  it('drops values the contract refuses and repeats, keeping the rest', () => {
    const state = parse(
      'q=x&priority=innovation&priority=nonsense&priority=innovation&country=GR&country=greece&language=xx',
    );
    expect(state.filters).toEqual({ priority: ['innovation'], country: ['GR'] });
  });

  it('starts at page one for a missing, broken or negative page, and stops at the last', () => {
    expect(parse('q=x').page).toBe(1);
    expect(parse('q=x&page=abc').page).toBe(1);
    expect(parse('q=x&page=-2').page).toBe(1);
    expect(parse('q=x&page=1.5').page).toBe(1);
    expect(parse('q=x&page=99999').page).toBe(LAST_PAGE);
  });

  it('writes what it reads', () => {
    const address = 'q=cluster+policy&type=document&priority=innovation&priority=skills&page=2';
    expect(searchStateParams(parse(address)).toString()).toBe(address);
    expect(searchStateParams(parse('q=x&page=1')).toString()).toBe('q=x');
  });

  it('asks the API for the page with the filters', () => {
    expect(searchStateQuery(parse('q=+policy+&status=open&page=2'))).toEqual({
      q: 'policy',
      status: ['open'],
      limit: PAGE_SIZE,
      offset: PAGE_SIZE,
    });
  });

  it('goes back to page one when a filter changes, and forgets a facet emptied', () => {
    const state = parse('q=x&priority=innovation&page=4');
    const more = withFilter(state, 'priority', ['innovation', 'financing']);
    expect(more).toMatchObject({ page: 1, filters: { priority: ['innovation', 'financing'] } });
    const none = withFilter(more, 'priority', []);
    expect(none.filters).toEqual({});
    expect(hasFilters(none)).toBe(false);
    expect(hasFilters(more)).toBe(true);
  });
});
