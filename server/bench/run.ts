/**
 * `npm run bench`: each scenario against our server, the reference y-websocket server and
 * Hocuspocus, one server process at a time, then a table with the ratios. See
 * docs/performance.md for what each figure means and the caveats of a 2-core machine.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions } from './options.js';
import { PINNING, pinGenerator, pinningNote, unpin } from './pinning.js';
import { renderTables, renderTargets, type ScenarioName } from './report.js';
import { runColdJoin } from './scenarios/coldjoin.js';
import { runDurability } from './scenarios/durability.js';
import { runFanout } from './scenarios/fanout.js';
import { manyDocsVariant, runManyDocs } from './scenarios/manydocs.js';
import { runScaleOut } from './scenarios/scaleout.js';
import { runWorkshop } from './scenarios/workshop.js';
import {
  buildBundles,
  oursBuildIsStale,
  oursBuildProblem,
  packageVersion,
  type ServerKind,
} from './servers.js';
import { Bench, log } from './session.js';
import { runStoreBenches } from './store/index.js';
import { probeCollab, startTarget, type Target } from './target.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** Ours is benchmarked only if it is built and its collaboration endpoint answers. */
async function oursProblem(workDir: string): Promise<string | null> {
  const build = oursBuildProblem();
  if (build) return build;
  let target: Target | undefined;
  try {
    target = await startTarget('ours', workDir);
    const why = await probeCollab(target);
    return why ? `the /collab endpoint does not answer (${why})` : null;
  } catch (err) {
    return `could not start: ${(err as Error).message}`;
  } finally {
    await target?.stop();
  }
}

/** The raw results so far; rewritten after every case, so that an interrupted run keeps them. */
function writeResults(bench: Bench, startedAt: Date): string {
  const results = {
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: os.totalmem() / 2 ** 30,
      node: process.version,
    },
    versions: {
      yjs: packageVersion('yjs'),
      'y-websocket': packageVersion('y-websocket'),
      '@y/websocket-server': packageVersion('@y/websocket-server', '@y/websocket-server/utils'),
      '@hocuspocus/server': packageVersion('@hocuspocus/server'),
      '@hocuspocus/provider': packageVersion('@hocuspocus/provider'),
    },
    options: bench.options,
    notes: bench.notes,
    rows: bench.rows,
  };
  const out = bench.options.out ?? path.join(benchDir, 'results', 'latest.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  return out;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // Hundreds of providers each register a process 'exit' handler.
  process.setMaxListeners(0);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'polisee-bench-'));
  const bench = new Bench(options, workDir, options.servers);
  pinGenerator();
  bench.notes.push(pinningNote());
  let storeTables = '';
  const startedAt = new Date();
  bench.afterEachCase = () => void writeResults(bench, startedAt);
  try {
    await buildBundles();
    if (bench.servers.includes('ours')) {
      const problem = await oursProblem(workDir);
      if (problem) {
        bench.notes.push(`ours SKIPPED: ${problem}`);
        log(`ours is skipped: ${problem}`);
        bench.servers = bench.servers.filter((k) => k !== 'ours');
      } else if (oursBuildIsStale()) {
        bench.notes.push('ours: server/src has files newer than server/dist/main.js (rebuild)');
      }
    }
    for (const scenario of options.scenarios) await SCENARIO_RUNNERS[scenario](bench);
    if (options.storeScenarios.length > 0) {
      // The store benches time a service or a browser on this machine, not a server against
      // its load generator: they run on every core, as before pinning (a browser confined to
      // the generator's one core opened the five-block document in 3.1 s instead of 1.5).
      unpin(process.pid);
      if (PINNING)
        bench.notes.push('store benches (server-side and in Chromium): unpinned, every core');
      storeTables = await runStoreBenches(options.storeScenarios, {
        quick: options.quick,
        log,
      });
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const out = writeResults(bench, startedAt);

  const failed = bench.rows.filter((r) => typeof r.metrics.error === 'string');
  process.stdout.write(`\n## PoliSEE collaboration benchmark — ${startedAt.toISOString()}\n\n`);
  process.stdout.write(
    `${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}; ` +
      `the load generator shares the machine (see "gen" columns).\n\n`,
  );
  process.stdout.write(renderTables(bench.rows.filter((r) => !failed.includes(r))));
  process.stdout.write(`\n### Targets\n\n${renderTargets(bench.rows)}\n`);
  if (storeTables) process.stdout.write(`\n${storeTables}`);
  for (const note of bench.notes) process.stdout.write(`\nNote: ${note}\n`);
  for (const r of failed) {
    process.stdout.write(
      `\nFailed: ${r.scenario} ${r.variant} on ${r.label}: ${r.metrics.error}\n`,
    );
  }
  process.stdout.write(`\nRaw results: ${path.relative(process.cwd(), out)}\n`);
}

const SCENARIO_RUNNERS: Record<ScenarioName, (bench: Bench) => Promise<void>> = {
  scaleout: async (bench) => {
    if (!bench.servers.includes('ours')) {
      bench.notes.push('scaleout: skipped (it measures ours only)');
      return;
    }
    const o = bench.options;
    await runScaleOut(bench, {
      workshops: o.scaleOutWorkshops,
      editorsPerWorkshop: o.scaleOutEditors,
      seconds: o.fanoutSeconds,
      editsPerSecond: 1,
      drainSeconds: 30,
    });
  },
  fanout: async (bench) => {
    const o = bench.options;
    const fanout = (clients: number, seconds: number) => (t: Target) =>
      runFanout(t, {
        clients,
        seconds,
        editsPerSecond: o.editsPerSecond,
        fullClients: o.fullClients,
        generatorThreads: o.generatorThreads,
        drainSeconds: clients >= 500 ? 20 : 30,
      });
    // Each case measures a process that has served edits before, as users meet a running
    // server: a fresh one compiles its hot code during its first seconds (decision 0098). The
    // first case's warm-up also compiles the generator's own code (decision 0097).
    const warmUp = o.serverWarmUpSeconds > 0 ? fanout(10, o.serverWarmUpSeconds) : null;
    for (const n of o.fanoutClients) {
      for (const kind of bench.servers) {
        await bench.on(kind, 'fanout', `N=${n}`, async (t) => {
          // A failed warm-up fails the case, and its row must say it was not the measured part.
          await warmUp?.(t).catch((err: Error) => {
            throw new Error(`warm-up: ${err.message}`);
          });
          return fanout(n, o.fanoutSeconds)(t);
        });
      }
    }
  },
  coldjoin: async (bench) => {
    await runColdJoin(bench, bench.options);
  },
  manydocs: async (bench) => {
    const o = bench.options;
    const run = (kind: ServerKind, keepTemplate: boolean) =>
      bench.on(kind, 'manydocs', manyDocsVariant(o.documents, keepTemplate), (t) =>
        runManyDocs(t, {
          documents: o.documents,
          documentBytes: o.documentBytes,
          keepTemplate,
          workDir: bench.workDir,
        }),
      );
    for (const kind of bench.servers) await run(kind, false);
    if (o.keepTemplate && bench.servers.includes('ours')) await run('ours', true);
  },
  durability: async (bench) => {
    if (!bench.servers.includes('ours')) {
      bench.notes.push('durability: skipped (it measures ours only)');
      return;
    }
    await bench.on('ours', 'durability', 'steps', (t) =>
      runDurability(t, { quick: bench.options.quick }),
    );
  },
  workshop: async (bench) => {
    if (!bench.servers.includes('ours')) {
      bench.notes.push('workshop: skipped (it measures ours only)');
      return;
    }
    const o = bench.options;
    await bench.on('ours', 'workshop', `${o.participants} + 2`, (t) =>
      runWorkshop(t, {
        participants: o.participants,
        typists: Math.min(30, o.participants),
        editsPerSecond: 1,
        seconds: o.workshopSeconds,
        controlEveryMs: 400,
        ballotSpreadMs: 1000,
        doubleBallots: Math.min(10, o.participants),
      }),
    );
  },
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
