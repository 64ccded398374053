/**
 * How far the server's clock is ahead of ours, measured from one request and its answer: the
 * server read its clock somewhere between sending and receiving, and the midpoint is the best
 * guess (Cristian's algorithm). The error is at most half the round trip, so of several samples
 * the one with the shortest round trip is kept.
 */
export interface ClockSample {
  /** Server time minus local time, in milliseconds. */
  offsetMs: number;
  roundTripMs: number;
}

export function measureClockOffset(
  serverNowIso: string,
  sentAtMs: number,
  receivedAtMs: number,
): ClockSample | null {
  const serverNow = Date.parse(serverNowIso);
  if (Number.isNaN(serverNow) || receivedAtMs < sentAtMs) return null;
  const midpoint = sentAtMs + (receivedAtMs - sentAtMs) / 2;
  return { offsetMs: serverNow - midpoint, roundTripMs: receivedAtMs - sentAtMs };
}

/** The more precise of two samples (a reconnect over a slow network must not undo a good one). */
export function betterSample(current: ClockSample | null, next: ClockSample | null) {
  if (!next) return current;
  if (!current) return next;
  return next.roundTripMs <= current.roundTripMs ? next : current;
}
