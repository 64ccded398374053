import { describe, expect, it } from 'vitest';
import { filterFromSearchParams, hasActiveFilters, withParam } from './catalogueFilters';

describe('catalogue filters in the URL', () => {
  it('reads every filter the API takes', () => {
    const params = new URLSearchParams(
      'workingGroupId=wg1&priority=financing&kind=foresight_exercise&status=draft&country=GR&includeArchived=true',
    );
    expect(filterFromSearchParams(params)).toEqual({
      workingGroupId: 'wg1',
      priority: 'financing',
      kind: 'foresight_exercise',
      status: 'draft',
      country: 'GR',
      includeArchived: true,
    });
  });

  it('drops a value that is not valid and keeps the rest', () => {
    const params = new URLSearchParams(
      'priority=space&kind=workshop_notes&country=greece&groupBy=priority',
    );
    expect(filterFromSearchParams(params)).toEqual({ kind: 'workshop_notes' });
  });

  it('treats empty values as no filter', () => {
    const filter = filterFromSearchParams(new URLSearchParams('priority=&includeArchived=false'));
    expect(filter).toEqual({});
    expect(hasActiveFilters(filter)).toBe(false);
  });

  it('sets and clears one parameter without touching the others', () => {
    const params = new URLSearchParams('priority=skills&kind=workshop_notes');
    expect(withParam(params, 'priority', '').toString()).toBe('kind=workshop_notes');
    expect(withParam(params, 'status', 'draft').toString()).toBe(
      'priority=skills&kind=workshop_notes&status=draft',
    );
  });
});
