import type { ProgrammeHeatmap } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import {
  formatMean,
  heatLevel,
  heatmapGrid,
  HEAT_LEVELS,
  programmeFilterFrom,
  sortByName,
} from './programmeView';

describe('programmeFilterFrom', () => {
  it('keeps the valid filters of the address and drops the rest', () => {
    const params = new URLSearchParams(
      'workingGroupId=wg-1&status=published&criterion=beauty&priority=skills',
    );
    expect(programmeFilterFrom(params)).toEqual({ workingGroupId: 'wg-1', status: 'published' });
    expect(programmeFilterFrom(new URLSearchParams('criterion=impact'))).toEqual({
      criterion: 'impact',
    });
  });
});

describe('heatLevel', () => {
  it('bands a mean to the nearest score of the 1–5 scale', () => {
    expect(HEAT_LEVELS).toEqual([1, 2, 3, 4, 5]);
    expect([1, 1.49, 1.5, 2.5, 3.2, 4.5, 5].map(heatLevel)).toEqual([1, 1, 2, 3, 3, 5, 5]);
    expect(heatLevel(0.2)).toBe(1);
    expect(heatLevel(7)).toBe(5);
  });
});

describe('heatmapGrid', () => {
  const heatmap: ProgrammeHeatmap = {
    priorities: ['innovation', 'financing'],
    countries: ['GR', 'RO'],
    cells: [
      { priority: 'financing', country: 'RO', mean: 3.5, scores: 2, assessments: 2 },
      { priority: 'innovation', country: 'GR', mean: 4, scores: 1, assessments: 1 },
    ],
    unprioritised: [],
    sources: { documents: 2, matrices: 2, scores: 3 },
  };

  it('lays every priority against every country, empty where nothing was scored', () => {
    const grid = heatmapGrid(heatmap, ['RO', 'GR']);
    expect(grid.map((r) => [r.priority, r.cells.map((c) => c?.mean ?? null)])).toEqual([
      ['innovation', [null, 4]],
      ['financing', [3.5, null]],
    ]);
  });
});

describe('names and numbers in the reader’s language', () => {
  it('sorts countries by name and prints a mean with one decimal', () => {
    const names: Record<string, string> = { GR: 'Ελλάδα', AL: 'Shqipëria', RO: 'România' };
    expect(sortByName(['GR', 'RO', 'AL'], (c) => names[c]!)).toEqual(['RO', 'AL', 'GR']);
    expect(formatMean(3.456, 'en')).toBe('3.5');
    expect(formatMean(3, 'ro')).toBe('3,0');
  });
});
