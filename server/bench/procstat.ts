import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { LatencyHistogram } from './stats.js';
import { clock } from './util.js';

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

/**
 * CPU time of a process in seconds, all threads. The sum of each thread's schedstat run time
 * is in nanoseconds (a cold join costs a few ms, below the 10 ms tick of utime/stime); stat's
 * utime + stime is the fallback where schedstat is missing.
 */
export function readCpuSeconds(pid: number): number {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ', 1)[0]);
    }
    if (ns > 0) return ns / 1e9;
  } catch {
    // a thread ended between readdir and read, or no schedstat: use the tick counters
  }
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

/** How many threads the process runs now (Linux). */
export function readThreadCount(pid: number): number {
  return readdirSync(`/proc/${pid}/task`).length;
}

export interface Sample {
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
      const s = { t: clock(), cpu: readCpuSeconds(this.pid), rssKb: readRssKb(this.pid) };
      this.samples.push(s);
      return s;
    } catch {
      return undefined; // the process has gone; the window ends at the last good sample
    }
  }

  samplesBetween(from: number, to: number): readonly Sample[] {
    return this.samples.filter((s) => s.t >= from && s.t <= to);
  }

  /** Figures between two clock() instants, from the samples nearest inside them. */
  window(from: number, to: number): WindowStats {
    const inside = this.samplesBetween(from, to);
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

/** Busy CPU of the whole machine from /proc/stat, in seconds (all cores together). */
export function readSystemBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [, user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .map(Number);
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  void idle;
  void iowait;
  return busy / CLK_TCK;
}

/**
 * The generator's own health: its CPU, how late its event loop ran a 5 ms timer (a late loop
 * delays every receive timestamp it takes), and the CPU used by everything else on the machine
 * (other people's builds and browsers on a shared box skew every figure; this makes it visible).
 */
export class GeneratorMonitor {
  private readonly sampler = new ProcSampler(process.pid);
  private readonly lag = new LatencyHistogram();
  private readonly system: { t: number; busy: number }[] = [];
  private timer: NodeJS.Timeout | undefined;

  start(): this {
    this.sampler.start();
    let expected = clock() + LAG_TICK_MS;
    let sampled = 0;
    this.timer = setInterval(() => {
      const now = clock();
      this.lag.record(now - expected);
      expected = now + LAG_TICK_MS;
      if (++sampled % 50 === 0) this.system.push({ t: now, busy: readSystemBusySeconds() });
    }, LAG_TICK_MS);
    this.timer.unref();
    this.system.push({ t: clock(), busy: readSystemBusySeconds() });
    return this;
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.sampler.stop();
    this.system.push({ t: clock(), busy: readSystemBusySeconds() });
  }

  /** `serverCpuPercent` is subtracted from the machine's busy time to give "other". */
  window(from: number, to: number, serverCpuPercent: number) {
    const own = this.sampler.window(from, to);
    const inside = this.system.filter((s) => s.t >= from - 300 && s.t <= to + 300);
    const first = inside[0];
    const last = inside[inside.length - 1];
    const machine =
      first && last && last.t > first.t
        ? ((last.busy - first.busy) / ((last.t - first.t) / 1000)) * 100
        : NaN;
    return {
      genCpuPct: own.cpuPercent,
      genLoopP99Ms: this.lag.percentile(99),
      machineCpuPct: machine,
      otherCpuPct: Math.max(0, machine - own.cpuPercent - serverCpuPercent),
    };
  }
}

const LAG_TICK_MS = 5;

/**
 * CPU used on the machine by processes other than this one over `ms`, 100 = one core. Between
 * cases the servers are stopped, so this is everyone else: builds, browsers, other benchmarks.
 */
export async function measureOtherCpu(ms = 1000): Promise<number> {
  const t0 = clock();
  const busy0 = readSystemBusySeconds();
  const own0 = readCpuSeconds(process.pid);
  await new Promise((r) => setTimeout(r, ms));
  const seconds = (clock() - t0) / 1000;
  const other = readSystemBusySeconds() - busy0 - (readCpuSeconds(process.pid) - own0);
  return Math.max(0, (other / seconds) * 100);
}
