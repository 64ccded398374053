import { useTranslation } from 'react-i18next';

/*
 * Building an Intl formatter costs far more than using one (the first loads the locale's data),
 * and a page formats hundreds of dates and numbers: each formatter is built once per language
 * and options, then reused.
 */
const formatters = new Map<string, unknown>();

function cached<F>(kind: string, language: string, options: object, build: () => F): F {
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as F | undefined;
  if (formatter === undefined) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions) {
  return cached('date', language, options, () => new Intl.DateTimeFormat(language, options));
}

/*
 * Dates, numbers and country names follow the UI language, never the browser's locale:
 * a Greek partner reading the English UI still sees English month names.
 */

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A span of time in the reader's own time zone, named ("10 Jun 2026, 10:00–12:30 EEST"), the
 * day written once when both ends share it: a workshop's time as each participant lives it.
 */
export function formatDateTimeRange(startIso: string, endIso: string, language: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    return `${startIso} – ${endIso}`;
  return dateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).formatRange(start, end);
}

export function formatNumber(value: number, language: string): string {
  return cached('number', language, {}, () => new Intl.NumberFormat(language)).format(value);
}

/** "GR" → "Greece" / "Ελλάδα"; an unknown code is shown as it is. */
export function formatCountry(code: string, language: string): string {
  try {
    const names = cached(
      'region',
      language,
      {},
      () => new Intl.DisplayNames([language], { type: 'region' }),
    );
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A list joined the way the language joins lists ("A, B and C" / "A, B și C"). */
export function formatList(items: string[], language: string): string {
  const options = { style: 'long', type: 'conjunction' } as const;
  return cached('list', language, options, () => new Intl.ListFormat(language, options)).format(
    items,
  );
}

/** The formatters bound to the current UI language; re-renders when the language changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    date: (iso: string) => formatDate(iso, language),
    dateTime: (iso: string) => formatDateTime(iso, language),
    dateTimeRange: (startIso: string, endIso: string) =>
      formatDateTimeRange(startIso, endIso, language),
    number: (value: number) => formatNumber(value, language),
    country: (code: string) => formatCountry(code, language),
    list: (items: string[]) => formatList(items, language),
  };
}
