import type { WorkshopTimer } from '@polisee/domain';

export type TimerState = 'idle' | 'running' | 'paused' | 'zero';

export interface Countdown {
  state: TimerState;
  /** Never below zero. */
  remainingMs: number;
}

/**
 * The shared timer at a moment of the server's clock (`Date.now() + offset`): every client
 * computes the same value from the same state, whatever its own clock says (decision 0047).
 */
export function countdownAt(timer: WorkshopTimer, serverNowMs: number): Countdown {
  const elapsed =
    timer.runningSince === null ? 0 : Math.max(0, serverNowMs - Date.parse(timer.runningSince));
  const remainingMs = Math.max(0, timer.remainingMs - elapsed);
  if (timer.durationMs === 0 && timer.runningSince === null) return { state: 'idle', remainingMs };
  if (remainingMs === 0) return { state: 'zero', remainingMs };
  return { state: timer.runningSince === null ? 'paused' : 'running', remainingMs };
}

/** "mm:ss", or "h:mm:ss" from an hour up; rounded up so the display reaches 0:00 at zero. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Milliseconds until a moment of the server's clock (a poll's closing time), never negative. */
export function msUntil(iso: string, serverNowMs: number): number {
  return Math.max(0, Date.parse(iso) - serverNowMs);
}
