import type { CellResult } from '@polisee/contracts';

/**
 * The revealed matrix as a heatmap: one colour per score band, from weak (1, red) to strong
 * (5, blue) through a pale middle (ColorBrewer's RdYlBu, which stays readable for the common
 * colour-vision deficiencies). The number is always written in the cell as well: the colour
 * is never the only carrier of the mean.
 */
export const HEAT_BANDS = [
  { score: 1, background: '#d7191c' },
  { score: 2, background: '#fdae61' },
  { score: 3, background: '#ffffbf' },
  { score: 4, background: '#abd9e9' },
  { score: 5, background: '#2c7bb6' },
] as const;

const DARK_TEXT = '#111111';
const LIGHT_TEXT = '#ffffff';

/** The band a mean falls in: the nearest whole score, within 1–5. */
export function scoreBand(mean: number): number {
  return Math.min(5, Math.max(1, Math.round(mean)));
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The cell's colours for a mean: its band's background and whichever text reads best on it. */
export function heatColours(mean: number): { background: string; color: string; band: number } {
  const band = scoreBand(mean);
  const background = HEAT_BANDS[band - 1]!.background;
  const color =
    contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT)
      ? DARK_TEXT
      : LIGHT_TEXT;
  return { background, color, band };
}

/** How many scorers gave each score 1–5 in a cell: round one's distribution, for round two. */
export function distributionOf(cell: Pick<CellResult, 'scores'>): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const { score } of cell.scores) counts[score - 1]! += 1;
  return counts;
}

/** A mean or a deviation as the reader's language writes it, one decimal. */
export function formatStat(value: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}
