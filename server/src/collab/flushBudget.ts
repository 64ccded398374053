import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * How often a room may flush, from how busy this process is. Each flush writes one frame per
 * member, and a frame costs ~10 µs of the core (the socket write and the loopback/TCP work of
 * its recipient), so merging a room's updates over an interval trades latency for CPU. The
 * trade is worth making only when the CPU is wanted: a process with time to spare flushes its
 * rooms almost at once, a busy one merges up to the full budget.
 *
 * The budget is frames per second per room: a room of M members waits M / budget seconds between
 * flushes, capped at MAX_FLUSH_INTERVAL_MS. It moves from IDLE_FRAMES_PER_SECOND to
 * BUSY_FRAMES_PER_SECOND (geometrically) as the event loop's utilization, averaged over the last
 * second or so, goes from IDLE_UTILIZATION to BUSY_UTILIZATION. Measured on the 2-core bench
 * machine (docs/performance.md): 200 editors adding paragraphs at 2 edits/s keep the loop ~20 %
 * busy at the full budget, 50 editors ~10 %, 10 editors ~3 %.
 */
export const IDLE_FRAMES_PER_SECOND = 100_000;
export const BUSY_FRAMES_PER_SECOND = 10_000;
export const IDLE_UTILIZATION = 0.04;
export const BUSY_UTILIZATION = 0.15;
/** The wait the budget allows is capped, so that very large rooms stay interactive. */
export const MAX_FLUSH_INTERVAL_MS = 50;

const SAMPLE_MS = 250;

/** Where the utilization comes from: the event loop's, or a test's. */
export type UtilizationSource = () => number;

/** The event loop's utilization since the last call (0–1), from Node's perf_hooks. */
function eventLoopSource(): UtilizationSource {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    return utilization;
  };
}

export class FlushBudget {
  private utilization = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly source: UtilizationSource = eventLoopSource()) {}

  /** The interval (ms) a room of `members` keeps between flushes now. */
  interval(members: number): number {
    this.timer ??= this.startSampling();
    return Math.min((members * 1000) / this.framesPerSecond(), MAX_FLUSH_INTERVAL_MS);
  }

  /** The budget at the current utilization. */
  framesPerSecond(): number {
    const busy = Math.min(
      1,
      Math.max(0, (this.utilization - IDLE_UTILIZATION) / (BUSY_UTILIZATION - IDLE_UTILIZATION)),
    );
    return IDLE_FRAMES_PER_SECOND * (BUSY_FRAMES_PER_SECOND / IDLE_FRAMES_PER_SECOND) ** busy;
  }

  /** Takes one sample now (the timer does this every SAMPLE_MS; tests call it directly). */
  sample() {
    // A quarter of the weight to the last quarter second: about the last second counts, so a
    // moment's spike does not swing every room's interval, a sustained change does within ~1 s.
    this.utilization = 0.75 * this.utilization + 0.25 * this.source();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private startSampling(): NodeJS.Timeout {
    // unref: the sampling never keeps a process alive that has nothing else to do.
    return setInterval(() => this.sample(), SAMPLE_MS).unref();
  }
}

/** The one budget every room of this process shares: they share its event loop. */
export const processFlushBudget = new FlushBudget();
