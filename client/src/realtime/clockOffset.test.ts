import { describe, expect, it } from 'vitest';
import { betterSample, measureClockOffset } from './clockOffset';

describe('measureClockOffset', () => {
  it('takes the server time at the midpoint of the round trip', () => {
    // Sent at local 1000, answered at local 1200; the server said 6100 (i.e. +5000 at 1100).
    const sample = measureClockOffset(new Date(6100).toISOString(), 1000, 1200);
    expect(sample).toEqual({ offsetMs: 5000, roundTripMs: 200 });
  });

  it('measures a server clock behind ours as a negative offset', () => {
    expect(measureClockOffset(new Date(50).toISOString(), 1000, 1100)?.offsetMs).toBe(-1000);
  });

  it('refuses an unreadable time or a reversed clock', () => {
    expect(measureClockOffset('yesterday', 0, 10)).toBeNull();
    expect(measureClockOffset(new Date(0).toISOString(), 10, 5)).toBeNull();
  });
});

describe('betterSample', () => {
  it('keeps the sample with the shorter round trip', () => {
    const fast = { offsetMs: 10, roundTripMs: 20 };
    const slow = { offsetMs: 400, roundTripMs: 900 };
    expect(betterSample(fast, slow)).toBe(fast);
    expect(betterSample(slow, fast)).toBe(fast);
    expect(betterSample(null, slow)).toBe(slow);
    expect(betterSample(fast, null)).toBe(fast);
  });
});
