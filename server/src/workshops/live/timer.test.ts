import { WORKSHOP_LIMITS } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import {
  STOPPED_TIMER,
  addMinute,
  pauseTimer,
  resetTimer,
  resumeTimer,
  startTimer,
  timeLeftMs,
} from './timer.js';

const at = (seconds: number) => new Date(Date.UTC(2030, 4, 14, 9, 0, seconds));

describe('the shared timer', () => {
  it('starts a countdown that runs from the start', () => {
    const timer = startTimer(5, at(0));
    expect(timer).toEqual({
      durationMs: 300_000,
      remainingMs: 300_000,
      runningSince: at(0).toISOString(),
    });
    expect(timeLeftMs(timer, at(30))).toBe(270_000);
  });

  it('keeps the time left when paused, and counts on from there when resumed', () => {
    const paused = pauseTimer(startTimer(5, at(0)), at(40));
    expect(paused).toEqual({ durationMs: 300_000, remainingMs: 260_000, runningSince: null });
    expect(timeLeftMs(paused, at(59))).toBe(260_000);
    const resumed = resumeTimer(paused, at(50));
    expect(timeLeftMs(resumed, at(55))).toBe(255_000);
  });

  it('ignores a second pause and a second resume', () => {
    const paused = pauseTimer(startTimer(5, at(0)), at(10));
    expect(pauseTimer(paused, at(20))).toBe(paused);
    const running = resumeTimer(paused, at(30));
    expect(resumeTimer(running, at(40))).toBe(running);
  });

  it('does not resume a timer that was never started', () => {
    expect(resumeTimer(STOPPED_TIMER, at(0))).toBe(STOPPED_TIMER);
  });

  it('runs past zero, so an overrun shows', () => {
    expect(timeLeftMs(startTimer(1, at(0)), at(0 + 90))).toBe(-30_000);
  });

  it('adds a minute to a running timer without moving its start', () => {
    const running = startTimer(2, at(0));
    const longer = addMinute(running);
    expect(longer.runningSince).toBe(running.runningSince);
    expect(longer.durationMs).toBe(180_000);
    expect(timeLeftMs(longer, at(30))).toBe(150_000);
  });

  it('adds a minute to a paused or never-started timer', () => {
    expect(addMinute(pauseTimer(startTimer(1, at(0)), at(20)))).toEqual({
      durationMs: 120_000,
      remainingMs: 100_000,
      runningSince: null,
    });
    expect(addMinute(STOPPED_TIMER)).toEqual({
      durationMs: 60_000,
      remainingMs: 60_000,
      runningSince: null,
    });
  });

  it('never grows past the longest countdown', () => {
    const longest = startTimer(WORKSHOP_LIMITS.timerMinutes, at(0));
    expect(addMinute(longest)).toEqual(longest);
    expect(startTimer(WORKSHOP_LIMITS.timerMinutes + 5, at(0)).durationMs).toBe(
      WORKSHOP_LIMITS.timerMinutes * 60_000,
    );
  });

  it('resets to the full duration, paused', () => {
    const reset = resetTimer(pauseTimer(startTimer(3, at(0)), at(100)));
    expect(reset).toEqual({ durationMs: 180_000, remainingMs: 180_000, runningSince: null });
  });
});
