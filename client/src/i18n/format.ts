import { useTranslation } from 'react-i18next';

/*
 * Dates, numbers and country names follow the UI language, never the browser's locale:
 * a Greek partner reading the English UI still sees English month names.
 */

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
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
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).formatRange(start, end);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "GR" → "Greece" / "Ελλάδα"; an unknown code is shown as it is. */
export function formatCountry(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A list joined the way the language joins lists ("A, B and C" / "A, B și C"). */
export function formatList(items: string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
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
