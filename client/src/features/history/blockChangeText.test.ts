import type { BlockChange } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../i18n/resources';
import { blockChangeText } from './blockChangeText';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });

const indicators = { type: 'pilotIndicators', id: 'b1', title: '' } as const;
const matrix = { type: 'assessmentMatrix', id: 'm1', title: 'Regional assessment' } as const;

describe('blockChangeText', () => {
  it('names a changed value with its block, item and field, in the reader’s language', async () => {
    const change: BlockChange = {
      change: 'changed',
      block: indicators,
      item: { type: 'pilotIndicator', id: 'i1', name: 'Jobs created' },
      field: 'target',
      from: 10,
      to: 12,
    };
    await i18n.changeLanguage('en');
    expect(blockChangeText(change, i18n.t)).toBe(
      'Pilot indicators › the indicator Jobs created: target 10 → 12',
    );
    await i18n.changeLanguage('ro');
    expect(blockChangeText(change, i18n.t)).toBe(
      'Indicatorii proiectului pilot › indicatorul Jobs created: ținta 10 → 12',
    );
  });

  it('names a DAC criterion and a priority row by their translated names when unlabelled', async () => {
    await i18n.changeLanguage('en');
    const added: BlockChange = {
      change: 'added',
      block: matrix,
      item: { type: 'matrixRow', id: 'r1', name: '', priority: 'financing' },
      field: null,
      from: null,
      to: null,
    };
    expect(blockChangeText(added, i18n.t)).toBe(
      'Regional assessment: the row Cluster financing was added',
    );
    const renamed: BlockChange = {
      change: 'changed',
      block: matrix,
      item: { type: 'matrixCriterion', id: 'c1', name: '', dac: 'relevance' },
      field: 'label',
      from: '',
      to: 'Fit with the strategy',
    };
    expect(blockChangeText(renamed, i18n.t)).toBe(
      'Regional assessment › the criterion Relevance: name empty → Fit with the strategy',
    );
  });
});
