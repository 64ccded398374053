import { CountryCodeSchema } from '@polisee/domain';
import { z } from 'zod';

export interface ParsedCountries {
  codes: string[];
  /** Entries that are not ISO 3166-1 alpha-2 codes, as the user typed them. */
  invalid: string[];
}

/** "gr, ro  AL" → GR, RO, AL: commas or spaces separate, case does not matter, repeats collapse. */
export function parseCountries(input: string): ParsedCountries {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const entry of input.split(/[\s,;]+/)) {
    if (entry === '') continue;
    const parsed = CountryCodeSchema.safeParse(entry.toUpperCase());
    if (!parsed.success) invalid.push(entry);
    else if (!codes.includes(parsed.data)) codes.push(parsed.data);
  }
  return { codes, invalid };
}

/**
 * The countries field as typed ("gr, ro"), as the list of codes a contract takes. Entries that
 * are not codes stay in the list, so the contract's own schema refuses them at their field.
 */
export const CountriesTextSchema = z.string().transform((text) => {
  const { codes, invalid } = parseCountries(text);
  return [...codes, ...invalid];
});

/**
 * Countries of the South-East Europe cooperation area, offered first wherever a country is
 * picked. Other ISO codes remain valid: organisations and documents may name any country.
 */
export const PROGRAMME_COUNTRIES = [
  'AL',
  'AT',
  'BA',
  'BG',
  'HR',
  'GR',
  'HU',
  'IT',
  'MD',
  'ME',
  'MK',
  'RO',
  'RS',
  'SI',
  'SK',
  'UA',
] as const;

/** Distinct codes sorted by their name in the UI language. */
export function sortCountries(codes: Iterable<string>, nameOf: (code: string) => string): string[] {
  return [...new Set(codes)].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}
