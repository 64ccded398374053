import {
  DOCUMENT_STATUSES,
  LANGUAGES,
  SEARCH_ENTRY_TYPES,
  SEARCH_FACETS,
  THREAD_STATUSES,
  WORKSHOP_STATUSES,
} from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { flattenCatalog } from '../../i18n/catalogTools';
import { catalogs } from '../../i18n/resources';
import { statusLabelKey } from './facetLabels';

/** Keys built from domain values, which the used-keys check cannot see in the code. */
const REQUIRED_KEYS = [
  ...SEARCH_ENTRY_TYPES.map((type) => `search.types.${type}`),
  ...SEARCH_FACETS.map((facet) => `search.facets.${facet}`),
  ...[...DOCUMENT_STATUSES, ...THREAD_STATUSES, ...WORKSHOP_STATUSES].map((s) => statusLabelKey(s)),
];

describe('search labels', () => {
  it('names every status through its own area, whatever it belongs to', () => {
    expect(statusLabelKey('in_review')).toBe('statuses.in_review');
    expect(statusLabelKey('resolved')).toBe('comments.status.resolved');
    expect(statusLabelKey('live')).toBe('workshops.status.live');
    expect(statusLabelKey('from_a_newer_server')).toBeNull();
  });

  it.each(LANGUAGES)('has every type, facet and status in %s', (language) => {
    const entries = flattenCatalog(catalogs[language]);
    const missing = REQUIRED_KEYS.filter((key) => !key || typeof entries[key] !== 'string');
    expect(missing).toEqual([]);
  });
});
