/**
 * The bench's clock, in milliseconds: CLOCK_MONOTONIC through hrtime, which every thread and
 * process on the machine shares (performance.now() has a per-thread origin), so a send time taken
 * in one generator thread and an arrival time taken in another can be subtracted.
 */
export const clock = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn` over `items` with at most `limit` at once; fails on the first rejection. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Polls `done` until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitUntil(done: () => boolean, timeoutMs: number, everyMs = 20) {
  const deadline = clock() + timeoutMs;
  while (!done()) {
    if (clock() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

/**
 * Waits until `progress()` stops moving for `quietMs` (or `done()` holds, or `capMs` passes).
 * Used to let a fan-out drain: the figures of a saturated server come in late, not never.
 */
export async function waitForQuiet(
  progress: () => number,
  options: { quietMs: number; capMs: number; done?: () => boolean },
): Promise<void> {
  const deadline = clock() + options.capMs;
  let last = progress();
  let lastChange = clock();
  while (clock() < deadline && !options.done?.()) {
    await sleep(50);
    const now = progress();
    if (now !== last) {
      last = now;
      lastChange = clock();
    } else if (clock() - lastChange >= options.quietMs) {
      return;
    }
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so that runs are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
