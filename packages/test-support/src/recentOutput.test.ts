import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RecentOutput, warningOf } from './recentOutput.js';

/** A real child printing pino-like records on stdout and a stack on stderr. */
function childPrinting(lines: number) {
  const script = `
    for (let i = 0; i < ${lines}; i++)
      console.log(JSON.stringify({ level: i % 10 === 0 ? 50 : 30, time: 0, msg: 'line ' + i }));
    console.error('Error: boom\\n    at somewhere');
  `;
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('RecentOutput', () => {
  it('keeps the last lines of both streams, no more than its limit', async () => {
    const child = childPrinting(100);
    const output = new RecentOutput(child, 20);
    await once(child, 'close');
    expect(output.lines).toHaveLength(20);
    expect(output.lines).toContain('Error: boom');
    expect(output.lines.some((l) => l.includes('"line 99"'))).toBe(true);
    expect(output.lines.some((l) => l.includes('"line 0"'))).toBe(false);
  });

  it('picks the warnings and the lines that are not JSON, and briefs the last ones', async () => {
    const child = childPrinting(25);
    const output = new RecentOutput(child);
    await once(child, 'close');
    const warnings = output.warnings();
    expect(warnings.filter((l) => l.startsWith('{'))).toHaveLength(3);
    expect(warnings).toContain('    at somewhere');
    expect(output.brief(2)).toEqual(['Error: boom', '    at somewhere']);
    expect(output.brief(4)[0]).toBe('00:00:00.000 line 10');
  });

  it('reads a record below warning level and a blank line as nothing to report', () => {
    expect(warningOf('{"level":30,"msg":"fine"}')).toBeNull();
    expect(warningOf('   ')).toBeNull();
    expect(warningOf('{"level":40,"msg":"slow"}')).toEqual({ level: 40, msg: 'slow' });
  });
});
