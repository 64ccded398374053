import { LANGUAGES, WORKSHOP_STATUSES } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { flattenCatalog } from '../../i18n/catalogTools';
import { catalogs } from '../../i18n/resources';
import { groupWorkshops } from './workshopListView';

const w = (id: string, status: 'scheduled' | 'live' | 'ended', startsAt: string) => ({
  id,
  status,
  startsAt,
});

describe('groupWorkshops', () => {
  it('puts live ones first, the next upcoming next, the latest ended first', () => {
    const groups = groupWorkshops([
      w('later', 'scheduled', '2026-07-02T10:00:00+02:00'),
      w('past-old', 'ended', '2026-01-01T10:00:00Z'),
      w('now', 'live', '2026-06-01T10:00:00Z'),
      w('sooner', 'scheduled', '2026-07-01T10:00:00+03:00'),
      w('past-new', 'ended', '2026-05-01T10:00:00Z'),
    ]);
    expect(groups.live.map((x) => x.id)).toEqual(['now']);
    expect(groups.upcoming.map((x) => x.id)).toEqual(['sooner', 'later']);
    expect(groups.ended.map((x) => x.id)).toEqual(['past-new', 'past-old']);
  });

  it('compares instants, not the text of times written with different offsets', () => {
    // 09:00 in Lisbon is 08:00Z; 10:00 in Athens is 07:00Z: Athens starts first.
    const groups = groupWorkshops([
      w('lisbon', 'scheduled', '2026-07-01T09:00:00+01:00'),
      w('athens', 'scheduled', '2026-07-01T10:00:00+03:00'),
    ]);
    expect(groups.upcoming.map((x) => x.id)).toEqual(['athens', 'lisbon']);
  });
});

describe('workshop status labels', () => {
  it.each(LANGUAGES)('name every status in %s', (language) => {
    const entries = flattenCatalog(catalogs[language]);
    for (const status of WORKSHOP_STATUSES)
      expect(typeof entries[`workshops.status.${status}`], `${status} in ${language}`).toBe(
        'string',
      );
  });
});
