import { describe, expect, it } from 'vitest';
import { SearchQuerySchema } from './search.js';

describe('SearchQuerySchema', () => {
  it('takes a facet given once or repeated, as an array', () => {
    const once = SearchQuerySchema.parse({ q: ' water ', priority: 'financing' });
    expect(once).toMatchObject({ q: 'water', priority: ['financing'], limit: 20, offset: 0 });
    const twice = SearchQuerySchema.parse({ q: 'water', country: ['GR', 'RO'], limit: '5' });
    expect(twice).toMatchObject({ country: ['GR', 'RO'], limit: 5 });
  });

  it('refuses an empty query, an unknown facet value, an unknown parameter and a large page', () => {
    expect(SearchQuerySchema.safeParse({ q: '   ' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'a', type: 'email' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'a', sort: 'new' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'a', limit: '51' }).success).toBe(false);
  });
});
