import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

/**
 * CPU and RSS of one process, read from /proc like `pidusage` does, so that each server under
 * test is measured alone (it runs in its own child process) and the load generator is measured
 * too (its figures tell whether a result is the server's or the generator's limit).
 */
const CLK_TCK = readClockTicks();

function readClockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime in seconds. Fields after the ")" of comm, which may itself contain spaces. */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

export function readRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) : NaN;
}

interface Sample {
  t: number;
  cpu: number;
  rssKb: number;
}

export interface WindowStats {
  /** Mean CPU over the window, 100 = one core. */
  cpuPercent: number;
  cpuSeconds: number;
  rssMeanMb: number;
  rssMaxMb: number;
  rssEndMb: number;
}

export class ProcSampler {
  private readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly pid: number,
    private readonly intervalMs = 250,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
  }

  sample(): Sample | undefined {
    try {
      const s = { t: performance.now(), cpu: readCpuSeconds(this.pid), rssKb: readRssKb(this.pid) };
      this.samples.push(s);
      return s;
    } catch {
      return undefined; // the process has gone; the window ends at the last good sample
    }
  }

  /** Figures between two performance.now() instants, from the samples nearest inside them. */
  window(from: number, to: number): WindowStats {
    const inside = this.samples.filter((s) => s.t >= from && s.t <= to);
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last || last.t === first.t) {
      return { cpuPercent: NaN, cpuSeconds: NaN, rssMeanMb: NaN, rssMaxMb: NaN, rssEndMb: NaN };
    }
    const cpuSeconds = last.cpu - first.cpu;
    const rss = inside.map((s) => s.rssKb / 1024);
    return {
      cpuPercent: (cpuSeconds / ((last.t - first.t) / 1000)) * 100,
      cpuSeconds,
      rssMeanMb: rss.reduce((a, b) => a + b, 0) / rss.length,
      rssMaxMb: Math.max(...rss),
      rssEndMb: rss[rss.length - 1]!,
    };
  }
}

/** The generator's own health: its CPU and how late its event loop ran timers and callbacks. */
export class GeneratorMonitor {
  private readonly sampler = new ProcSampler(process.pid);
  private readonly delay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  start(): this {
    this.sampler.start();
    this.delay.enable();
    return this;
  }

  stop(): void {
    this.sampler.stop();
    this.delay.disable();
  }

  window(from: number, to: number) {
    return {
      ...this.sampler.window(from, to),
      loopDelayP99Ms: this.delay.percentile(99) / 1e6,
      loopDelayMaxMs: this.delay.max / 1e6,
    };
  }
}
