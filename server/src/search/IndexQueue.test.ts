import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { IndexQueue } from './IndexQueue.js';

const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('IndexQueue', () => {
  it('runs a burst once after it pauses, and a long burst by its maximum wait', async () => {
    const queue = new IndexQueue(logger, { debounceMs: 60, maxWaitMs: 200 });
    const runs: number[] = [];
    const started = Date.now();
    const mark = () => queue.mark('doc', async () => void runs.push(Date.now() - started));

    mark();
    mark();
    await sleep(120);
    expect(runs).toHaveLength(1);

    // A mark every 20 ms never pauses for 60 ms: the maximum wait runs it anyway.
    runs.length = 0;
    const burstStarted = Date.now() - started;
    for (let i = 0; i < 15; i++) {
      mark();
      await sleep(20);
    }
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]! - burstStarted).toBeLessThan(200 + 50);
    await queue.close();
  });

  it('runs what is pending on close, keeps going after a failed job, then takes nothing', async () => {
    const queue = new IndexQueue(logger, { debounceMs: 10_000, maxWaitMs: 10_000 });
    const done: string[] = [];
    queue.mark('a', () => Promise.reject(new Error('store down')));
    queue.mark('b', async () => void done.push('b'));
    await queue.close();
    expect(done).toEqual(['b']);
    queue.mark('c', async () => void done.push('c'));
    await queue.flush();
    expect(done).toEqual(['b']);
  });
});
