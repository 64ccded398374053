/*
 * `<input type="datetime-local">` speaks wall-clock time without a zone ("2026-05-04T10:00");
 * the contract wants an instant with its offset. Both directions use the browser's time zone,
 * which is the participant's own: a facilitator in Sofia types 10:00 and sends 10:00+03:00, and
 * a partner in Lisbon sees 08:00.
 */

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * "2026-05-04T10:00" → "2026-05-04T10:00:00+03:00" (the offset in force at that moment, so
 * daylight saving is right for the date chosen, not for today). '' for anything else, which the
 * form's schema reads as missing or malformed.
 */
export function localInputToIso(local: string): string {
  const match = LOCAL_INPUT.exec(local);
  if (!match) return '';
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s);
  // A day that does not exist (31 February) is refused rather than rolled into March. A time
  // skipped by the spring daylight-saving jump (02:30) is moved forward an hour, as Date does:
  // the time the clocks show then.
  if (Number.isNaN(date.getTime()) || date.getFullYear() !== y || date.getMonth() !== mo - 1)
    return '';
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** An instant → the value a datetime-local input shows for it here ("2026-05-04T10:00"). */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The time zone the inputs are in, named for the form's hint ("Europe/Sofia"). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
