import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IndexQueue } from './IndexQueue.js';

const logger = pino({ level: 'silent' });
// The queue's timing on a fake clock: what it decides, not how busy the machine running it is.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Resolves `promise` while the fake clock moves on, as the real one would. */
async function whileTimePasses<T>(promise: Promise<T>, ms = 1000): Promise<T> {
  await elapse(ms);
  return promise;
}

describe('IndexQueue', () => {
  it('runs a burst once after it pauses, and a long burst by its maximum wait', async () => {
    const queue = new IndexQueue(logger, { debounceMs: 60, maxWaitMs: 200, costSpacing: 9 });
    const runs: number[] = [];
    const started = Date.now();
    const mark = () => queue.mark('doc', async () => void runs.push(Date.now() - started));

    mark();
    mark();
    await elapse(120);
    expect(runs).toHaveLength(1);

    // A mark every 20 ms never pauses for 60 ms: the maximum wait runs it anyway.
    runs.length = 0;
    const burstStarted = Date.now() - started;
    for (let i = 0; i < 15; i++) {
      mark();
      await elapse(20);
    }
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]! - burstStarted).toBe(200);
    await queue.close();
  });

  it('runs what is pending on close, keeps going after a failed job, then takes nothing', async () => {
    const queue = new IndexQueue(logger, { debounceMs: 10_000, maxWaitMs: 10_000, costSpacing: 9 });
    const done: string[] = [];
    queue.mark('a', () => Promise.reject(new Error('store down')));
    queue.mark('b', async () => void done.push('b'));
    await queue.close();
    expect(done).toEqual(['b']);
    queue.mark('c', async () => void done.push('c'));
    await queue.flush();
    expect(done).toEqual(['b']);
  });

  it('spaces the runs of a slow job by its own cost, and a flush runs it at once', async () => {
    const queue = new IndexQueue(logger, { debounceMs: 10, maxWaitMs: 20, costSpacing: 4 });
    const runs: { start: number; end: number }[] = [];
    const slowJob = async () => {
      const start = Date.now();
      await sleep(50);
      runs.push({ start, end: Date.now() });
    };
    // Marked every 5 ms for 500 ms: without spacing it would run about every 70 ms (20 + 50).
    for (let i = 0; i < 100; i++) {
      queue.mark('big', slowJob);
      await elapse(5);
    }
    const gaps = runs.slice(1).map((run, i) => run.start - runs[i]!.end);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    // Each gap is at least four times the previous run (~200 ms), so at most a fifth of the time.
    for (const [i, gap] of gaps.entries()) {
      const previous = runs[i]!;
      expect(gap).toBeGreaterThanOrEqual((previous.end - previous.start) * 4);
    }
    expect(runs.length).toBeLessThanOrEqual(4);

    // A fast job of another key is not held back by the slow one's spacing.
    const quick: number[] = [];
    const markedAt = Date.now();
    queue.mark('small', async () => void quick.push(Date.now() - markedAt));
    await elapse(300);
    expect(quick).toHaveLength(1);

    // What is still marked runs on flush, spaced or not. A spaced run of the loop's marks may
    // still be waiting or under way on a busy machine: a first flush settles it, so the count
    // below is of the new mark's run alone.
    await whileTimePasses(queue.flush());
    const before = runs.length;
    queue.mark('big', slowJob);
    await whileTimePasses(queue.flush(), 50);
    expect(runs.length).toBe(before + 1);
    await queue.close();
  });
});
