import { describe, expect, it } from 'vitest';
import { parseCountries } from './countries';

describe('parseCountries', () => {
  it('accepts codes separated by commas or spaces, in any case', () => {
    expect(parseCountries('gr, RO  al;hu')).toEqual({
      codes: ['GR', 'RO', 'AL', 'HU'],
      invalid: [],
    });
  });

  it('collapses repeats and ignores empty entries', () => {
    expect(parseCountries(' GR,,gr , ')).toEqual({ codes: ['GR'], invalid: [] });
  });

  it('reports what is not an alpha-2 code', () => {
    expect(parseCountries('GRC, R0, Greece, BG')).toEqual({
      codes: ['BG'],
      invalid: ['GRC', 'R0', 'Greece'],
    });
  });

  it('treats an empty field as no countries', () => {
    expect(parseCountries('')).toEqual({ codes: [], invalid: [] });
  });
});
