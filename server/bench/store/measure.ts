/** What the embedded-store benchmarks share: timing a server-side call, and their table. */
import { performance } from 'node:perf_hooks';
import { percentile } from '../stats.js';

export interface StoreBenchRow {
  case: string;
  size: string;
  runs: number;
  p50: number;
  p99: number;
  /** The p50 target in ms, if it names one. */
  target: number | null;
}

export interface StoreBenchOptions {
  quick: boolean;
  log: (line: string) => void;
}

/**
 * Times `fn` plus the JSON encoding Express would do with its result, after one warm-up call
 * (statement and page caches warm, as in a running server).
 */
export async function timed(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p99: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    JSON.stringify(await fn());
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

export function renderStoreBench(rows: readonly StoreBenchRow[]): string {
  const judged = (r: StoreBenchRow) =>
    r.target === null ? ['', ''] : [`≤ ${r.target} ms`, r.p50 <= r.target ? 'yes' : 'NO'];
  return [
    '| case | size | runs | p50 ms | p99 ms | target p50 | met |',
    '| ---- | ---- | ---: | -----: | -----: | ---------: | --- |',
    ...rows.map((r) => {
      const [target, met] = judged(r);
      return `| ${r.case} | ${r.size} | ${r.runs} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${target} | ${met} |`;
    }),
  ].join('\n');
}

/** Lets a benchmark module run on its own: `npx tsx bench/store/<name>.ts [--quick]`. */
export function runWhenMain(
  moduleUrl: string,
  run: (options: StoreBenchOptions) => Promise<StoreBenchRow[]>,
) {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  run({ quick: process.argv.includes('--quick'), log: (line) => process.stderr.write(`${line}\n`) })
    .then((rows) => process.stdout.write(`${renderStoreBench(rows)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    });
}
