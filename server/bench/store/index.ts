/**
 * Benchmarks of the embedded store behind the comment threads and the version history: ours
 * only (the references have neither), run in this process after the collaboration scenarios.
 */
import { renderStoreBench } from './measure.js';
import { runThreadBench } from './threads.js';
import { runVersionBench } from './versions.js';

export const STORE_SCENARIOS = ['threads', 'versions'] as const;
export type StoreScenarioName = (typeof STORE_SCENARIOS)[number];

export async function runStoreBenches(
  names: readonly StoreScenarioName[],
  options: { quick: boolean; log: (line: string) => void },
): Promise<string> {
  const out: string[] = [];
  if (names.includes('threads')) {
    out.push('### Comment threads (embedded store, server-side)', '');
    out.push(renderStoreBench(await runThreadBench(options)), '');
  }
  if (names.includes('versions')) {
    out.push('### Versions and diffs (embedded store, server-side)', '');
    out.push(renderStoreBench(await runVersionBench(options)), '');
  }
  return out.join('\n');
}
