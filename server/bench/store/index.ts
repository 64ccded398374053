/**
 * Benchmarks of the embedded store behind the comment threads and the version history: ours
 * only (the references have neither), run in this process after the collaboration scenarios.
 */
import { runAssessmentBench } from './assessment.js';
import { runBlocksOpenBench } from './blocksOpen.js';
import { runColdLoadBench } from './coldload.js';
import { runExportBench } from './export.js';
import { renderStoreBench } from './measure.js';
import { runProgrammeBench } from './programme.js';
import { runSearchBench } from './search.js';
import { runThreadBench } from './threads.js';
import { runVersionBench } from './versions.js';

export const STORE_SCENARIOS = [
  'threads',
  'versions',
  'assessment',
  'programme',
  'blocksopen',
  'search',
  'export',
  'coldload',
] as const;
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
  if (names.includes('assessment')) {
    out.push('### Assessment reveal (embedded store, server-side)', '');
    out.push(renderStoreBench(await runAssessmentBench(options)), '');
  }
  if (names.includes('programme')) {
    out.push('### Programme view over revealed assessments (embedded store, server-side)', '');
    out.push(renderStoreBench(await runProgrammeBench(options)), '');
  }
  if (names.includes('blocksopen')) {
    out.push('### A document with five method blocks opened in Chromium (ours, built)', '');
    out.push(renderStoreBench(await runBlocksOpenBench(options)), '');
  }
  if (names.includes('search')) {
    out.push('### Search (embedded store, server-side; edit to searchable through the server)', '');
    out.push(renderStoreBench(await runSearchBench(options)), '');
  }
  if (names.includes('export')) {
    out.push('### Export of a 25,000-word document (server-side, PDF through Chromium)', '');
    out.push(renderStoreBench(await runExportBench(options)), '');
  }
  if (names.includes('coldload')) {
    out.push('### Cold load of a 100,000-edit history after a restart (ours, fresh process)', '');
    out.push(renderStoreBench(await runColdLoadBench(options)), '');
  }
  return out.join('\n');
}
