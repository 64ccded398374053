import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { startTestRedis, type TestRedis } from '../../src/testing/redisServer.js';
import { fragmentText, ProviderClient } from '../clients.js';
import { closeAll, driveEdits } from '../drive.js';
import { unpin } from '../pinning.js';
import { GeneratorMonitor, ProcSampler } from '../procstat.js';
import type { ResultRow } from '../report.js';
import type { Bench } from '../session.js';
import { LatencyHistogram } from '../stats.js';
import { startTarget, type Target } from '../target.js';
import { scanTokens, TokenLedger } from '../tokens.js';
import { clock, mapLimit, sleep, waitForQuiet } from '../util.js';
import { WireClient } from '../wire.js';

export interface ScaleOutOptions {
  /** Workshops, one document each. */
  workshops: number;
  editorsPerWorkshop: number;
  seconds: number;
  editsPerSecond: number;
  drainSeconds: number;
}

/** The p99 the issue sets for three processes through Redis. */
export const SCALE_OUT_P99_TARGET_MS = 100;

interface Workshop {
  docName: string;
  ledger: TokenLedger;
  clients: WireClient[];
}

/**
 * Six workshops of 100 editors (one document each) typing 1 edit/s, first on one process, then
 * on three processes sharing the documents through one Redis, with each workshop's editors spread
 * round-robin over the three (so most deliveries cross processes): latency from send to arrival
 * at every other editor of the same document, total server CPU (and Redis' CPU) over the edit
 * window, and whether each document's server copy holds every token once. The three-process row
 * carries its overhead against the one-process row of the same run.
 */
export async function runScaleOut(bench: Bench, options: ScaleOutOptions): Promise<void> {
  let single: ResultRow | undefined;
  await bench.on(
    'ours',
    'scaleout',
    '1 process',
    async (t) => {
      single = await measure([t], null, options, '1 process');
      return single;
    },
    { pin: false },
  );
  let redis: TestRedis | undefined;
  try {
    redis = await startTestRedis();
    // Started from the generator, it would share the generator's core.
    if (redis.pid) unpin(redis.pid);
  } catch (err) {
    bench.notes.push(`scaleout: 3 processes skipped, redis-server: ${(err as Error).message}`);
    return;
  }
  const env = { REDIS_URL: redis.url };
  try {
    await bench.on(
      'ours',
      'scaleout',
      '3 processes + Redis',
      async (first) => {
        const others: Target[] = [];
        try {
          // Started after the first has seeded the store; all three share its data directory.
          for (let i = 0; i < 2; i++) {
            others.push(
              await startTarget('ours', bench.workDir, {
                dataDir: first.server.dataDir,
                env,
                pin: false,
              }),
            );
          }
          const row = await measure([first, ...others], redis!, options, '3 processes + Redis');
          if (single) {
            const ratio = (key: string) => {
              const a = row.metrics[key];
              const b = single!.metrics[key];
              return typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : NaN;
            };
            row.metrics.p50OverOneProcess = ratio('p50Ms');
            row.metrics.cpuOverOneProcess = ratio('totalCpuPct');
          }
          return row;
        } finally {
          await Promise.all(others.map((o) => o.stop()));
        }
      },
      // Three servers do not fit on the one core the other scenarios pin a server to.
      { env, pin: false },
    );
  } finally {
    await redis.stop();
  }
}

async function measure(
  targets: Target[],
  redis: TestRedis | null,
  options: ScaleOutOptions,
  variant: string,
): Promise<ResultRow> {
  const [first] = targets as [Target, ...Target[]];
  const perDoc = options.editorsPerWorkshop;
  const total = options.workshops * perDoc;
  await first.prepareClients(total + options.workshops);
  const capacity = Math.ceil(perDoc * options.editsPerSecond * (options.seconds + 2) * 1.2) + 256;
  const workshops: Workshop[] = [];
  for (let w = 0; w < options.workshops; w++) {
    const docName = await first.newDocument(`bench-scaleout-${w}`);
    const ledger = TokenLedger.local(perDoc, capacity);
    const clients = Array.from({ length: perDoc }, (_, k) => {
      const user = w * perDoc + k;
      const target = targets[user % targets.length]!;
      return new WireClient(
        {
          url: target.server.wsUrl(docName),
          dialect: target.server.dialect,
          // Sessions are in the shared store; the Origin is the process connected to.
          headers: { ...first.headersFor(user), Origin: target.server.httpBase },
          fragment: FRAGMENT_NAME,
        },
        docName,
        k,
        { onFrame: (bytes, at) => ledger.observe(k, bytes, at) },
      );
    });
    workshops.push({ docName, ledger, clients });
  }
  const all = workshops.flatMap((w) => w.clients);
  const samplers = targets.map((t) => new ProcSampler(t.server.pid).start());
  const redisSampler = redis?.pid ? new ProcSampler(redis.pid).start() : null;
  const machine = new GeneratorMonitor();
  try {
    await mapLimit(all, 20, (c) => c.connect());
    for (const c of all) c.addParagraph();
    const frames = () => workshops.reduce((n, w) => n + w.ledger.frames, 0);
    const delivered = () => workshops.reduce((n, w) => n + w.ledger.delivered, 0);
    await waitForQuiet(frames, { quietMs: 500, capMs: 30_000 });
    await sleep(500);

    machine.start();
    const startAt = clock() + 100;
    const windows = await Promise.all(
      workshops.map((w, i) =>
        driveEdits(w.clients, w.ledger, {
          startAt,
          seconds: options.seconds,
          editsPerSecond: options.editsPerSecond,
          seed: i + 1,
        }),
      ),
    );
    const end = Math.max(...windows.map((w) => w.end));
    const expected = workshops.reduce((n, w) => n + w.ledger.expected, 0);
    await waitForQuiet(delivered, {
      quietMs: 3000,
      capMs: options.drainSeconds * 1000,
      done: () => delivered() >= expected,
    });
    samplers.forEach((s) => s.stop());
    redisSampler?.stop();
    machine.stop();

    const latency = new LatencyHistogram();
    for (const w of workshops) latency.merge(w.ledger.latency.toData());
    const deliveredTotal = latency.count;
    latency.recordMissing(Math.max(0, expected - deliveredTotal));
    const lat = latency.summary();
    const servers = samplers.map((s) => s.window(startAt, end));
    const serverCpuPct = servers.reduce((n, s) => n + s.cpuPercent, 0);
    const redisCpuPct = redisSampler?.window(startAt, end).cpuPercent ?? 0;
    const sent = windows.reduce((n, w) => n + w.sent, 0);
    const converged = await serverCopiesHoldEveryToken(targets, workshops);
    const gen = machine.window(startAt, end, serverCpuPct + redisCpuPct);
    return {
      scenario: 'scaleout',
      variant,
      server: 'ours',
      label: `ours ×${targets.length}`,
      metrics: {
        processes: targets.length,
        editors: total,
        editsSent: sent,
        deliveredPct: expected ? (deliveredTotal / expected) * 100 : NaN,
        p50Ms: lat.p50,
        p99Ms: lat.p99,
        maxMs: lat.max,
        serverCpuPct,
        redisCpuPct,
        totalCpuPct: serverCpuPct + redisCpuPct,
        serverRssMaxMb: Math.max(...servers.map((s) => s.rssMaxMb)),
        ...gen,
        converged: converged.ok,
        convergenceNote: converged.note,
      },
    };
  } finally {
    samplers.forEach((s) => s.stop());
    redisSampler?.stop();
    machine.stop();
    closeAll(all);
    await sleep(300);
  }
}

/**
 * Each document, as a client joining now on another process than its first editor sees it,
 * holds every token its editors sent, exactly once.
 */
async function serverCopiesHoldEveryToken(
  targets: Target[],
  workshops: Workshop[],
): Promise<{ ok: boolean; note: string }> {
  const problems: string[] = [];
  for (const [i, w] of workshops.entries()) {
    const target = targets[(i + 1) % targets.length]!;
    const onTarget: Target = {
      ...target,
      headersFor: (k) => ({ ...targets[0]!.headersFor(k), Origin: target.server.httpBase }),
    };
    const verifier = new ProviderClient(onTarget, w.docName, w.clients.length);
    try {
      await verifier.connect(30_000);
      const counts = new Map<number, number>();
      scanTokens(Buffer.from(fragmentText(verifier.doc)), (id) =>
        counts.set(id, (counts.get(id) ?? 0) + 1),
      );
      const sent = w.ledger.sentCount();
      const once = [...counts.values()].filter((c) => c === 1).length;
      if (once !== sent || counts.size !== sent) {
        problems.push(`doc ${i}: ${counts.size}/${sent} tokens, ${once} once`);
      }
    } catch (err) {
      problems.push(`doc ${i}: late joiner failed (${(err as Error).message})`);
    } finally {
      verifier.close();
    }
  }
  return problems.length === 0
    ? { ok: true, note: `${workshops.length} documents hold every token once` }
    : { ok: false, note: problems.join('; ') };
}
