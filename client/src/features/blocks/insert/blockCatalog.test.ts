import { describe, expect, it } from 'vitest';
import { blockChoices, filterBlockChoices, NEW_BLOCK } from './blockCatalog';

const english = blockChoices(
  (type) =>
    ({
      assessmentMatrix: 'Assessment matrix',
      foresightBoard: 'Foresight scenario board',
      pilotIndicators: 'Pilot indicators',
    })[type],
  (type) =>
    ({
      assessmentMatrix: 'Score measures against the DAC criteria',
      foresightBoard: 'Drivers, scenarios and wildcards',
      pilotIndicators: 'Baseline, target and result of a pilot',
    })[type],
);
const types = (query: string, choices = english) =>
  filterBlockChoices(choices, query).map((c) => c.type);

describe('filterBlockChoices', () => {
  it('keeps every block for an empty query, in the menu order', () => {
    expect(types('')).toEqual(['assessmentMatrix', 'foresightBoard', 'pilotIndicators']);
  });

  it('matches the start of any word of the name, whatever the case', () => {
    expect(types('pil')).toEqual(['pilotIndicators']);
    expect(types('IND')).toEqual(['pilotIndicators']);
    expect(types('pil ind')).toEqual(['pilotIndicators']);
    expect(types('scen')).toEqual(['foresightBoard']);
  });

  it('finds a block by its description after those found by name', () => {
    const choices = [
      { type: 'pilotIndicators' as const, name: 'Pilot', description: 'baseline' },
      { type: 'assessmentMatrix' as const, name: 'Baseline matrix', description: '' },
    ];
    expect(types('base', choices)).toEqual(['assessmentMatrix', 'pilotIndicators']);
  });

  it('ignores accents and matches only word starts', () => {
    const greek = [{ type: 'foresightBoard' as const, name: 'Πίνακας σεναρίων', description: '' }];
    expect(types('σεναριω', greek)).toEqual(['foresightBoard']);
    expect(types('trix')).toEqual([]);
    expect(types('xyz')).toEqual([]);
  });
});

describe('NEW_BLOCK', () => {
  it('gives each insertion fresh ids', () => {
    const a = NEW_BLOCK.pilotIndicators();
    const b = NEW_BLOCK.pilotIndicators();
    expect(a.type).toBe('pilotIndicators');
    expect(a.attrs?.blockId).not.toEqual(b.attrs?.blockId);
  });
});
