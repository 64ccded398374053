import { achievementOf } from '@polisee/editor-schema';

/** How an indicator's achievement is shown: the percentage in words and the bar's width. */
export interface AchievementDisplay {
  /** "75 %" / "75%": the UI language decides the spacing and the digits. */
  text: string;
  /** Width of the bar, 0–100: a result past the target fills it, one behind the baseline empties it. */
  barPercent: number;
  /** Where the result stands: reached (≥ target), on the way, or behind the baseline. */
  state: 'reached' | 'progress' | 'behind';
}

/**
 * The achievement of an indicator (see `achievementOf`, the same figure the server reads) ready
 * to show, or null while a value is missing or the target equals the baseline.
 */
export function achievementDisplay(
  values: { baseline: number | null; target: number | null; result: number | null },
  language: string,
): AchievementDisplay | null {
  const ratio = achievementOf(values.baseline, values.target, values.result);
  if (ratio === null) return null;
  const text = new Intl.NumberFormat(language, {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(ratio);
  const barPercent = Math.round(Math.min(1, Math.max(0, ratio)) * 100);
  const state = ratio >= 1 ? 'reached' : ratio < 0 ? 'behind' : 'progress';
  return { text, barPercent, state };
}

/** The decimal separator of a language ("." in English, "," in Romanian). */
function decimalSeparator(language: string): string {
  const parts = new Intl.NumberFormat(language).formatToParts(1.5);
  return parts.find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * A number as a partner types it, in the UI language: "1 250,5" in Romanian, "1,250.5" in
 * English. A dot typed where the language writes a comma is still a decimal point when it
 * cannot be a thousands separator ("12.5", not "1.250"). Returns null for an empty field (the
 * value is not known yet) and undefined for text that is not a number, which the field flags
 * instead of storing.
 */
export function parseIndicatorNumber(raw: string, language: string): number | null | undefined {
  let text = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return null;
  const decimal = decimalSeparator(language);
  const other = decimal === ',' ? '.' : ',';
  const others = text.split(other).length - 1;
  const otherIsDecimal =
    !text.includes(decimal) && others === 1 && !new RegExp(`\\${other}\\d{3}$`).test(text);
  if (otherIsDecimal) text = text.replace(other, '.');
  else text = text.split(other).join('').replace(decimal, '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A stored number back into its field, in the reader's language, ungrouped ("1250,5"). */
export function formatIndicatorNumber(value: number | null, language: string): string {
  if (value === null) return '';
  return new Intl.NumberFormat(language, { maximumFractionDigits: 6, useGrouping: false }).format(
    value,
  );
}
