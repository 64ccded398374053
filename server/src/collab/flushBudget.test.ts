import { describe, expect, it } from 'vitest';
import {
  BUSY_FRAMES_PER_SECOND,
  FlushBudget,
  IDLE_FRAMES_PER_SECOND,
  MAX_FLUSH_INTERVAL_MS,
} from './flushBudget.js';

/** A budget fed a steady utilization until its average has settled there. */
function settledAt(utilization: number): FlushBudget {
  const budget = new FlushBudget(() => utilization);
  for (let i = 0; i < 20; i++) budget.sample();
  return budget;
}

describe('the flush budget', () => {
  it('lets the rooms of an idle process flush almost at once', () => {
    const budget = settledAt(0.01);
    expect(budget.framesPerSecond()).toBeCloseTo(IDLE_FRAMES_PER_SECOND);
    // 200 members: one flush per 2 ms; 10 members: per 0.1 ms.
    expect(budget.interval(200)).toBeCloseTo(2);
    expect(budget.interval(10)).toBeCloseTo(0.1);
    budget.stop();
  });

  it('merges up to the full budget in a busy process, capped for very large rooms', () => {
    const budget = settledAt(0.6);
    expect(budget.framesPerSecond()).toBeCloseTo(BUSY_FRAMES_PER_SECOND);
    expect(budget.interval(200)).toBeCloseTo(20);
    expect(budget.interval(2000)).toBe(MAX_FLUSH_INTERVAL_MS);
    budget.stop();
  });

  it('moves between the two as the load does, and not on one busy moment', () => {
    const between = settledAt(0.095).framesPerSecond();
    expect(between).toBeLessThan(IDLE_FRAMES_PER_SECOND);
    expect(between).toBeGreaterThan(BUSY_FRAMES_PER_SECOND);

    let utilization = 0.01;
    const budget = new FlushBudget(() => utilization);
    for (let i = 0; i < 20; i++) budget.sample();
    // A quarter second at 30 %, then quiet again: the budget moves, but not to the busy end.
    utilization = 0.3;
    budget.sample();
    expect(budget.framesPerSecond()).toBeLessThan(IDLE_FRAMES_PER_SECOND);
    expect(budget.framesPerSecond()).toBeGreaterThan(BUSY_FRAMES_PER_SECOND * 1.5);
    // Sustained, it gets there within a couple of seconds.
    for (let i = 0; i < 8; i++) budget.sample();
    expect(budget.framesPerSecond()).toBeCloseTo(BUSY_FRAMES_PER_SECOND);
    budget.stop();
  });
});
