import { describe, expect, it } from 'vitest';
import { formatCountry, formatDate, formatDateTimeRange, formatList, formatNumber } from './format';

describe('locale formatting', () => {
  it('formats dates in the UI language', () => {
    const iso = '2025-03-14T10:00:00.000Z';
    expect(formatDate(iso, 'en')).toContain('2025');
    expect(formatDate(iso, 'en')).not.toEqual(formatDate(iso, 'el'));
  });

  it('formats numbers with the language separators', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'ro')).toBe('12.345,5');
  });

  it('names countries in the UI language and keeps unknown codes', () => {
    expect(formatCountry('GR', 'en')).toBe('Greece');
    expect(formatCountry('GR', 'el')).toBe('Ελλάδα');
    expect(formatCountry('not-a-code', 'en')).toBe('not-a-code');
  });

  it('joins lists the way the language does', () => {
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
  });

  it('writes a span of time once per day, in the reader’s zone, naming the zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Sofia';
    try {
      const range = formatDateTimeRange('2026-06-10T07:00:00Z', '2026-06-10T09:30:00Z', 'ro');
      expect(range).toMatch(/^10 iun\. 2026, 10:00\s?–\s?12:30 EEST$/);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('shows an unparseable date as it came', () => {
    expect(formatDate('yesterday', 'en')).toBe('yesterday');
  });
});
