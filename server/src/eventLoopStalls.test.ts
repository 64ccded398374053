import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { watchEventLoopStalls } from './eventLoopStalls.js';

/** A logger whose records land in `lines`. */
function capturingLogger() {
  const lines: { level: number; msg: string; stalledMs?: number }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const turns = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchEventLoopStalls', () => {
  it('warns, with how long, when the loop was held past the threshold', async () => {
    const { logger, lines } = capturingLogger();
    const stop = watchEventLoopStalls(logger, 300);
    try {
      await turns(300);
      const until = performance.now() + 700;
      while (performance.now() < until) {
        // Holds the loop, as a long synchronous call would.
      }
      await turns(300);
      const stalls = lines.filter((l) => l.msg.startsWith('the event loop did not turn for '));
      expect(stalls.length).toBeGreaterThan(0);
      expect(stalls.every((s) => s.level === 40 && s.msg.endsWith(`${s.stalledMs} ms`))).toBe(true);
      // Held 700 ms, on a timer due within 250 ms: at least 450 ms late.
      expect(Math.max(...stalls.map((s) => s.stalledMs!))).toBeGreaterThanOrEqual(450);
    } finally {
      stop();
    }
  });

  it('says nothing while the loop turns freely', async () => {
    const { logger, lines } = capturingLogger();
    const stop = watchEventLoopStalls(logger);
    await turns(800);
    stop();
    expect(lines).toEqual([]);
  });
});
