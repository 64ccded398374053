import { describe, expect, it } from 'vitest';
import { FLUSH_BURST_MS, FlushPacer, flushCostMs, MAX_FLUSH_INTERVAL_MS } from './FlushPacer.js';

function pacerAt(start = 1_000) {
  const clock = { now: start };
  return { clock, pacer: new FlushPacer(() => clock.now) };
}

describe('FlushPacer', () => {
  it('lets a room under its budget flush every update at once', () => {
    // 50 members, updates 1 ms apart in pairs, 20 ms between pairs: 5,000 frames/s, half the
    // budget, yet each second update comes well within members × 0.1 ms of the first.
    const { clock, pacer } = pacerAt();
    for (let i = 0; i < 200; i++) {
      expect(pacer.delay()).toBe(0);
      pacer.spent(50);
      clock.now += i % 2 === 0 ? 1 : 19;
    }
  });

  it('paces a room that stays over its budget at one flush per members × 0.1 ms', () => {
    // 200 members, an update every 2.5 ms: 80,000 frames/s unbatched.
    const { clock, pacer } = pacerAt();
    const flushes: number[] = [];
    const end = clock.now + 2_000;
    for (; clock.now < end; clock.now += 0.5) {
      if (pacer.delay() === 0) {
        flushes.push(clock.now);
        pacer.spent(200);
      }
    }
    // The burst allowance once, then the budget: 20 ms apart, 10,000 frames/s.
    const gaps = flushes.slice(1).map((t, i) => t - flushes[i]!);
    const steady = gaps.slice(Math.ceil(FLUSH_BURST_MS / 20) + 1);
    expect(steady.every((g) => g === 20)).toBe(true);
    expect(flushes.length).toBeLessThanOrEqual(2_000 / 20 + FLUSH_BURST_MS / 20 + 1);
  });

  it('says how long a flush must wait, never more than the largest interval', () => {
    const { clock, pacer } = pacerAt();
    for (let i = 0; i < 10; i++) pacer.spent(5_000);
    expect(pacer.delay()).toBe(10 * MAX_FLUSH_INTERVAL_MS - FLUSH_BURST_MS);
    clock.now += 10 * MAX_FLUSH_INTERVAL_MS - FLUSH_BURST_MS;
    expect(pacer.delay()).toBe(0);
    expect(flushCostMs(5_000)).toBe(MAX_FLUSH_INTERVAL_MS);
  });

  it('does not let a quiet spell build up more than the burst allowance', () => {
    const { clock, pacer } = pacerAt();
    pacer.spent(100);
    clock.now += 60_000;
    let atOnce = 0;
    while (pacer.delay() === 0) {
      pacer.spent(100);
      atOnce++;
    }
    // Each flush of 100 members costs 10 ms of budget.
    expect(atOnce).toBe(FLUSH_BURST_MS / 10 + 1);
  });

  it('charges nothing for a flush that wrote nothing', () => {
    const { pacer } = pacerAt();
    for (let i = 0; i < 100; i++) pacer.spent(0);
    expect(pacer.delay()).toBe(0);
  });
});
