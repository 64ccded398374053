import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  distributionOf,
  formatStat,
  HEAT_BANDS,
  heatColours,
  scoreBand,
} from './heatmap';

describe('heatmap colour scale', () => {
  it('puts a mean in the band of the nearest whole score, within 1–5', () => {
    expect(scoreBand(1)).toBe(1);
    expect(scoreBand(2.49)).toBe(2);
    expect(scoreBand(2.5)).toBe(3);
    expect(scoreBand(4.67)).toBe(5);
    expect(scoreBand(0.2)).toBe(1);
    expect(scoreBand(7)).toBe(5);
  });

  it('gives each band its own colour, weak to strong', () => {
    const colours = [1, 2, 3, 4, 5].map((m) => heatColours(m).background);
    expect(new Set(colours).size).toBe(5);
    expect(heatColours(1).background).toBe(HEAT_BANDS[0].background);
    expect(heatColours(5).background).toBe(HEAT_BANDS[4].background);
  });

  it('writes the number in a colour that meets WCAG AA (4.5:1) on every band', () => {
    for (const mean of [1, 2, 3, 4, 5]) {
      const { background, color } = heatColours(mean);
      expect(contrastRatio(background, color), `band ${mean}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('counts a cell’s scores per value', () => {
    expect(distributionOf({ scores: [{ score: 2 }, { score: 5 }, { score: 2 }] as never })).toEqual(
      [0, 2, 0, 0, 1],
    );
  });

  it('formats a statistic with one decimal in the reader’s language', () => {
    expect(formatStat(3.3333, 'en')).toBe('3.3');
    expect(formatStat(3, 'en')).toBe('3.0');
    expect(formatStat(3.25, 'ro')).toBe('3,3');
  });
});
