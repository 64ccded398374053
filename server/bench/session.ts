import type { BenchOptions } from './options.js';
import { measureOtherCpu } from './procstat.js';
import type { ResultRow, ScenarioName } from './report.js';
import { serverLabel, type ServerKind } from './servers.js';
import { startTarget, type Target } from './target.js';

const QUIET_CPU_PCT = 15;

/** The state of one bench run: options, rows so far, notes, and the servers still in play. */
export class Bench {
  readonly rows: ResultRow[] = [];
  readonly notes: string[] = [];
  private waitedMs = 0;
  afterEachCase: () => void = () => {};

  constructor(
    readonly options: BenchOptions,
    readonly workDir: string,
    public servers: ServerKind[],
  ) {}

  /**
   * Other work on this 2-core machine (a build, a browser test) skews every figure, so each case
   * waits, up to `quietWaitSeconds`, for the rest of the machine to use under 15 % of a core.
   */
  async waitForQuietMachine(): Promise<void> {
    let other = await measureOtherCpu();
    if (other < QUIET_CPU_PCT) return;
    // The run as a whole must stay bounded: waits share one budget of 3 × the per-case wait.
    const budget = this.options.quietWaitSeconds * 3000 - this.waitedMs;
    const deadline = Date.now() + Math.min(this.options.quietWaitSeconds * 1000, budget);
    log(`  waiting for a quiet machine (other processes use ${other.toFixed(0)} % of a core) …`);
    const started = Date.now();
    while (Date.now() < deadline && other >= QUIET_CPU_PCT) other = await measureOtherCpu(2000);
    this.waitedMs += Date.now() - started;
    if (other >= QUIET_CPU_PCT) {
      log(`  still busy (${other.toFixed(0)} %); measuring anyway — see the "other CPU" column`);
    }
  }

  /** Starts a fresh server of `kind`, runs `fn`, stops it; a failure becomes a row, not a crash. */
  async on(
    kind: ServerKind,
    scenario: ScenarioName,
    variant: string,
    fn: (t: Target) => Promise<ResultRow | ResultRow[]>,
    options: { dataDir?: string; env?: Record<string, string>; pin?: boolean } = {},
  ): Promise<void> {
    await this.waitForQuietMachine();
    const started = Date.now();
    log(`${scenario} ${variant} on ${serverLabel(kind)} …`);
    let target: Target | undefined;
    try {
      target = await startTarget(kind, this.workDir, options);
      const result = await fn(target);
      for (const row of Array.isArray(result) ? result : [result]) this.rows.push(row);
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      const message = (err as Error).message;
      log(`  FAILED: ${message}`);
      this.rows.push({
        scenario,
        variant,
        server: kind,
        label: serverLabel(kind),
        metrics: { error: message },
      });
    } finally {
      await target?.stop();
      this.afterEachCase();
    }
  }
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
