import { afterEach, describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './localDateTime';

const originalZone = process.env.TZ;
/** Node re-reads TZ when it is assigned, so each case runs in the zone it names. */
function inZone(zone: string) {
  process.env.TZ = zone;
}
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('datetime-local → ISO with offset', () => {
  it('sends the wall-clock time typed with the offset in force in the user’s zone', () => {
    inZone('Europe/Sofia');
    expect(localInputToIso('2026-07-01T10:00')).toBe('2026-07-01T10:00:00+03:00');
    // Winter: the offset of the chosen date, not of today.
    expect(localInputToIso('2026-01-15T10:00')).toBe('2026-01-15T10:00:00+02:00');
  });

  it('writes negative and half-hour offsets', () => {
    inZone('America/New_York');
    expect(localInputToIso('2026-07-01T09:30')).toBe('2026-07-01T09:30:00-04:00');
    inZone('Asia/Kolkata');
    expect(localInputToIso('2026-07-01T09:30')).toBe('2026-07-01T09:30:00+05:30');
    inZone('UTC');
    expect(localInputToIso('2026-07-01T09:30:15')).toBe('2026-07-01T09:30:15+00:00');
  });

  it('names the same instant in every zone', () => {
    inZone('Europe/Lisbon');
    const lisbon = localInputToIso('2026-05-04T08:00');
    inZone('Europe/Athens');
    const athens = localInputToIso('2026-05-04T10:00');
    expect(Date.parse(lisbon)).toBe(Date.parse(athens));
  });

  it('refuses what is not a date-time, and a day that does not exist', () => {
    inZone('Europe/Sofia');
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('2026-05-04')).toBe('');
    expect(localInputToIso('tomorrow at ten')).toBe('');
    expect(localInputToIso('2026-02-31T10:00')).toBe('');
  });

  it('moves a time skipped by the spring clock change forward to the time clocks show', () => {
    inZone('Europe/Bucharest');
    // 29 March 2026: 03:00 becomes 04:00 in Bucharest.
    expect(localInputToIso('2026-03-29T03:30')).toBe('2026-03-29T04:30:00+03:00');
  });
});

describe('ISO → datetime-local', () => {
  it('shows an instant as the wall-clock time of the user’s zone', () => {
    inZone('Europe/Budapest');
    expect(isoToLocalInput('2026-07-01T08:00:00Z')).toBe('2026-07-01T10:00');
    inZone('Europe/Tirane');
    expect(isoToLocalInput('2026-12-01T10:00:00+02:00')).toBe('2026-12-01T09:00');
    expect(isoToLocalInput('not a date')).toBe('');
  });

  it('round-trips with localInputToIso', () => {
    inZone('Europe/Bucharest');
    expect(isoToLocalInput(localInputToIso('2026-10-25T18:45'))).toBe('2026-10-25T18:45');
  });
});
