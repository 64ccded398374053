import { WORKSHOP_LIMITS, type WorkshopTimer } from '@polisee/domain';

/**
 * The shared countdown as pure state changes (decision 0047): the server stores `remainingMs`
 * and `runningSince`, never a ticking process, so every client computes the same countdown from
 * it and a restart loses nothing. Every change is idempotent where a second click can arrive
 * (two facilitators, a double click): pausing a paused timer or resuming a running one is a no-op.
 */

const MINUTE_MS = 60_000;
const MAX_MS = WORKSHOP_LIMITS.timerMinutes * MINUTE_MS;

export const STOPPED_TIMER: WorkshopTimer = { durationMs: 0, remainingMs: 0, runningSince: null };

/** Time left at `now`; negative once the countdown has run past zero (an overrun). */
export function timeLeftMs(timer: WorkshopTimer, now: Date): number {
  if (timer.runningSince === null) return timer.remainingMs;
  return timer.remainingMs - (now.getTime() - Date.parse(timer.runningSince));
}

/** A fresh countdown of `minutes`, running from now. */
export function startTimer(minutes: number, now: Date): WorkshopTimer {
  const durationMs = Math.min(minutes * MINUTE_MS, MAX_MS);
  return { durationMs, remainingMs: durationMs, runningSince: now.toISOString() };
}

export function pauseTimer(timer: WorkshopTimer, now: Date): WorkshopTimer {
  if (timer.runningSince === null) return timer;
  return { ...timer, remainingMs: timeLeftMs(timer, now), runningSince: null };
}

/** Only a paused countdown that has one resumes: a never-started timer has nothing to run. */
export function resumeTimer(timer: WorkshopTimer, now: Date): WorkshopTimer {
  if (timer.runningSince !== null || timer.durationMs === 0) return timer;
  return { ...timer, runningSince: now.toISOString() };
}

/**
 * One more minute, running or not. The planned duration grows with it, so a progress ring
 * still ends at zero. Capped at the longest countdown: +1 clicked a thousand times stays sane.
 */
export function addMinute(timer: WorkshopTimer): WorkshopTimer {
  const headroom = MAX_MS - Math.max(timer.durationMs, timer.remainingMs);
  const added = Math.max(0, Math.min(MINUTE_MS, headroom));
  return {
    ...timer,
    durationMs: timer.durationMs + added,
    remainingMs: timer.remainingMs + added,
  };
}

/** Back to the full duration, paused: the facilitator starts it again when ready. */
export function resetTimer(timer: WorkshopTimer): WorkshopTimer {
  return { ...timer, remainingMs: timer.durationMs, runningSince: null };
}
