import type { Logger } from 'pino';

/** How often the watch looks: a stall shorter than this plus the threshold may go unseen. */
const TICK_MS = 250;

/**
 * Logs a warning whenever the event loop did not turn for longer than `thresholdMs`: while it
 * does not, the process answers nobody (no HTTP, no websocket frame, no timer). Only a timer's
 * lateness is measured, so it costs nothing while the loop is free; the warning is what tells
 * a busy process (a long synchronous call, a database waiting on a lock) from one that refuses.
 * A paused process (SIGSTOP, a suspended VM) reads as a stall too.
 */
export function watchEventLoopStalls(logger: Logger, thresholdMs = 1000): () => void {
  let expected = performance.now() + TICK_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    const lateMs = now - expected;
    expected = now + TICK_MS;
    if (lateMs > thresholdMs) {
      const stalledMs = Math.round(lateMs);
      logger.warn({ stalledMs }, `the event loop did not turn for ${stalledMs} ms`);
    }
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
