import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A pino record at warning level or above, as far as a report needs it. */
export interface LogWarning {
  level?: number;
  time?: number;
  msg?: string;
  err?: { message?: string };
}

/**
 * A line at warning level or above, as a pino record; or anything not JSON (a crash's stack) as
 * it is. Null for the rest.
 */
export function warningOf(line: string): LogWarning | string | null {
  try {
    const record = JSON.parse(line) as LogWarning;
    return (record.level ?? 0) >= 40 ? record : null;
  } catch {
    return line.trim() === '' ? null : line;
  }
}

/**
 * The last lines a server child process printed (stdout and stderr, line by line), so that a
 * failing test can say what the server saw: otherwise it is lost with the process. Bounded,
 * whatever the test runs for.
 */
export class RecentOutput {
  readonly lines: string[] = [];

  constructor(
    child: ChildProcess,
    private readonly limit = 400,
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        if (this.lines.length > this.limit) this.lines.shift();
      });
    }
  }

  /** The kept lines at warning level or above (and anything not JSON), as printed. */
  warnings(): string[] {
    return this.parsedWarnings().map(({ line }) => line);
  }

  /** The last few warnings, one short line each (time, message, error), for an error message. */
  brief(lastWarnings = 4): string[] {
    return this.parsedWarnings()
      .slice(-lastWarnings)
      .map(({ warning: w }) => {
        if (typeof w === 'string') return w.slice(0, 200);
        const at = w.time !== undefined ? new Date(w.time).toISOString().slice(11, 23) : '?';
        return `${at} ${w.msg ?? ''}${w.err?.message ? `: ${w.err.message}` : ''}`;
      });
  }

  /** Each kept line parsed once, the warnings with what they say. */
  private parsedWarnings(): { line: string; warning: LogWarning | string }[] {
    const found: { line: string; warning: LogWarning | string }[] = [];
    for (const line of this.lines) {
      const warning = warningOf(line);
      if (warning !== null) found.push({ line, warning });
    }
    return found;
  }
}
