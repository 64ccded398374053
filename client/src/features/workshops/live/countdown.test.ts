import { describe, expect, it } from 'vitest';
import { countdownAt, formatCountdown, msUntil } from './countdown';

const at = (ms: number) => new Date(ms).toISOString();

describe('countdownAt', () => {
  it('counts down from when the server started the timer', () => {
    const timer = { durationMs: 300_000, remainingMs: 300_000, runningSince: at(10_000) };
    expect(countdownAt(timer, 70_000)).toEqual({ state: 'running', remainingMs: 240_000 });
  });

  it('gives two clients with different clocks the same time once each is corrected', () => {
    const timer = { durationMs: 60_000, remainingMs: 60_000, runningSince: at(1_000_000) };
    // Client A's clock is 3 s behind the server, client B's 2 s ahead; both read at server 1_010_000.
    const offsetA = 3_000;
    const offsetB = -2_000;
    const localA = 1_010_000 - offsetA;
    const localB = 1_010_000 - offsetB;
    expect(countdownAt(timer, localA + offsetA)).toEqual(countdownAt(timer, localB + offsetB));
    expect(countdownAt(timer, localA + offsetA).remainingMs).toBe(50_000);
  });

  it('holds still while paused', () => {
    const timer = { durationMs: 300_000, remainingMs: 125_000, runningSince: null };
    expect(countdownAt(timer, 1)).toEqual({ state: 'paused', remainingMs: 125_000 });
    expect(countdownAt(timer, 9_999_999)).toEqual({ state: 'paused', remainingMs: 125_000 });
  });

  it('stops at zero and says so', () => {
    const timer = { durationMs: 60_000, remainingMs: 60_000, runningSince: at(0) };
    expect(countdownAt(timer, 61_000)).toEqual({ state: 'zero', remainingMs: 0 });
    // An extra minute after zero runs again from the remaining time the server holds.
    expect(countdownAt({ ...timer, remainingMs: 120_000 }, 61_000).state).toBe('running');
  });

  it('is idle before it was ever started, and ignores a running start in our future', () => {
    expect(countdownAt({ durationMs: 0, remainingMs: 0, runningSince: null }, 5).state).toBe(
      'idle',
    );
    const timer = { durationMs: 60_000, remainingMs: 60_000, runningSince: at(10_000) };
    expect(countdownAt(timer, 9_000).remainingMs).toBe(60_000);
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounding up, and hours when needed', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(65_000)).toBe('01:05');
    expect(formatCountdown(3_600_000 + 5_000)).toBe('1:00:05');
    expect(formatCountdown(-10)).toBe('00:00');
  });
});

describe('msUntil', () => {
  it('counts to a server moment and never below zero', () => {
    expect(msUntil(at(5_000), 2_000)).toBe(3_000);
    expect(msUntil(at(5_000), 8_000)).toBe(0);
  });
});
