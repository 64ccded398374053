/**
 * Fan-out budget: a room writes at most about this many frames per second on average (one frame
 * per member per flush), merging the updates that wait into one message. Each frame costs a
 * syscall and the loopback/TCP work of one recipient (~5–15 µs here), so a 200-member workshop
 * typing 2 edits/s goes from ~80,000 writes/s (one per update per member) to ~10,000.
 */
export const ROOM_FRAMES_PER_SECOND = 10_000;
/** A flush never waits longer than this, so that very large rooms stay interactive. */
export const MAX_FLUSH_INTERVAL_MS = 50;
/**
 * How far ahead of the budget a room may run: what a quiet room saved over this long it may
 * spend at once. A room under its budget on average (50 members typing 2 edits/s write 5,000
 * frames/s) then sends each update as it comes, instead of holding the ones that arrive within
 * members × 0.1 ms of the last flush; only a room that stays over it is paced.
 */
export const FLUSH_BURST_MS = 50;

/** The pause a flush that wrote `frames` frames stands for under the budget. */
export function flushCostMs(frames: number): number {
  return Math.min((frames * 1000) / ROOM_FRAMES_PER_SECOND, MAX_FLUSH_INTERVAL_MS);
}

/**
 * When a room may flush next: the budget as a virtual schedule (the generic cell rate algorithm
 * of ATM and most rate limiters). Each flush moves the schedule on by what its frames cost; a
 * flush may run while the schedule is at most FLUSH_BURST_MS ahead of the clock. The load is
 * the room's own: its members and how often they edit.
 */
export class FlushPacer {
  /** Where the budget's schedule stands: the time by which the frames spent so far are paid. */
  private paidUntil = -Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Milliseconds until a flush may run (0: now). */
  delay(): number {
    return Math.max(0, this.paidUntil - FLUSH_BURST_MS - this.now());
  }

  /** A flush wrote `frames` frames just now. */
  spent(frames: number): void {
    if (frames === 0) return;
    this.paidUntil = Math.max(this.paidUntil, this.now()) + flushCostMs(frames);
  }
}
