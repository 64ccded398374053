import { fragmentText, ProviderClient } from '../clients.js';
import { closeAll, driveEdits } from '../drive.js';
import { GeneratorThreads } from '../generator.js';
import { GeneratorMonitor, ProcSampler } from '../procstat.js';
import type { ResultRow } from '../report.js';
import { LatencyHistogram } from '../stats.js';
import { wireEndpoint, type Target } from '../target.js';
import { createLedgerShare, scanTokens, TokenLedger } from '../tokens.js';
import { clock, mapLimit, sleep, waitForQuiet, waitUntil } from '../util.js';
import { WireClient } from '../wire.js';

export interface FanoutOptions {
  clients: number;
  seconds: number;
  editsPerSecond: number;
  /** Stock-provider replicas among the clients, in the main thread. */
  fullClients: number;
  /** Worker threads that host the wire clients. */
  generatorThreads: number;
  drainSeconds: number;
}

/**
 * N clients in one document, each typing `editsPerSecond` tokens: latency from send to arrival
 * at every other client, deliveries per second, the server's CPU and RSS over the edit window,
 * and whether every replica (and a late joiner, which shows the server's copy) ends equal.
 * Clients 0..K−1 are stock providers in this thread; the rest are wire clients in generator
 * threads. All share one token ledger.
 */
export async function runFanout(target: Target, options: FanoutOptions): Promise<ResultRow> {
  const n = options.clients;
  const full = Math.min(options.fullClients, n);
  await target.prepareClients(n + 1);
  const docName = await target.newDocument(`bench-fanout-${n}`);
  const capacity = Math.ceil(n * options.editsPerSecond * (options.seconds + 2) * 1.2) + 1024;
  const share = createLedgerShare(n, capacity);
  const useThreads = options.generatorThreads > 0 && n > full;
  // Without generator threads every client lives here, and this thread's ledger receives for all.
  const ledger = new TokenLedger(share, { from: 0, to: useThreads ? full : n });
  const server = new ProcSampler(target.server.pid).start();
  const machine = new GeneratorMonitor();
  const replicas = Array.from(
    { length: full },
    (_, i) =>
      new ProviderClient(target, docName, i, {
        onFrame: (bytes, at) => ledger.observe(i, bytes, at),
      }),
  );
  const local: WireClient[] = useThreads
    ? []
    : Array.from(
        { length: n - full },
        (_, k) =>
          new WireClient(wireEndpoint(target, docName, full + k), docName, full + k, {
            onFrame: (bytes, at) => ledger.observe(full + k, bytes, at),
          }),
      );
  let threads: GeneratorThreads | undefined;
  try {
    await mapLimit(replicas, 10, (c) => c.connect());
    await mapLimit(local, 20, (c) => c.connect());
    if (useThreads) {
      threads = await GeneratorThreads.open({
        threads: options.generatorThreads,
        share,
        docName,
        first: full,
        endpoints: Array.from({ length: n - full }, (_, k) =>
          wireEndpoint(target, docName, full + k),
        ),
      });
    }
    const delivered = () => ledger.delivered + (threads?.delivered ?? 0);
    const frames = () => ledger.frames + (threads?.frames ?? 0);

    for (const c of [...replicas, ...local]) c.addParagraph();
    threads?.addParagraphs();
    // Let the N paragraph inserts (and the providers' awareness) fan out before timing.
    await waitForQuiet(frames, { quietMs: 500, capMs: 20_000 });
    await sleep(500);

    machine.start();
    const startAt = clock() + 100;
    const drive = { startAt, seconds: options.seconds, editsPerSecond: options.editsPerSecond };
    const windows = await Promise.all([
      driveEdits([...replicas, ...local], ledger, { ...drive, seed: 1 }),
      ...(threads ? [threads.drive({ ...drive, seed: 1 })] : []),
    ]);
    const load = windows.flat();
    const end = Math.max(...load.map((w) => w.end));
    const sentTotal = load.reduce((a, w) => a + w.sent, 0);
    const expected = ledger.expected;
    await waitForQuiet(delivered, {
      quietMs: 3000,
      capMs: options.drainSeconds * 1000,
      done: () => delivered() >= expected,
    });
    server.stop();
    machine.stop();

    const latency = new LatencyHistogram();
    latency.merge(ledger.latency.toData());
    let lagP99Ms = NaN;
    let lastArrival = ledger.lastArrival;
    if (threads) {
      lastArrival = Math.max(lastArrival, threads.lastArrival);
      const finished = await threads.finish();
      for (const h of finished.histograms) latency.merge(h);
      lagP99Ms = finished.lagP99Ms;
    }
    const deliveredTotal = latency.count;
    latency.recordMissing(Math.max(0, expected - deliveredTotal));

    const convergence = await checkConvergence(target, docName, n, replicas, ledger);
    const lat = latency.summary();
    const spanS = (lastArrival - ledger.firstSend()) / 1000;
    const srv = server.window(startAt, end);
    // Deliveries the server made during the edit window (the drain after it is not in the CPU figure).
    const deliveredInWindow = Math.min(
      deliveredTotal,
      (deliveredTotal / spanS) * ((end - startAt) / 1000),
    );
    const gen = machine.window(startAt, end, srv.cpuPercent);
    return {
      scenario: 'fanout',
      variant: `N=${n}`,
      server: target.kind,
      label: target.label,
      metrics: {
        clients: n,
        fullClients: full,
        generatorThreads: useThreads ? options.generatorThreads : 0,
        editsSent: sentTotal,
        sendRate: sentTotal / ((end - startAt) / 1000),
        deliveriesExpected: expected,
        delivered: deliveredTotal,
        deliveredPct: expected ? (deliveredTotal / expected) * 100 : NaN,
        p50Ms: lat.p50,
        p99Ms: lat.p99,
        meanMs: lat.mean,
        maxMs: lat.max,
        deliveredPerS: spanS > 0 ? deliveredTotal / spanS : NaN,
        serverCpuPct: srv.cpuPercent,
        // CPU per delivery compares servers even when all of them saturate a core.
        serverUsPerDelivery: srv.cpuSeconds > 0 ? (srv.cpuSeconds * 1e6) / deliveredInWindow : NaN,
        serverRssMaxMb: srv.rssMaxMb,
        serverRssEndMb: srv.rssEndMb,
        ...gen,
        // The slowest thread's loop sets the receive timestamps' lateness.
        genLoopP99Ms: Math.max(gen.genLoopP99Ms, Number.isNaN(lagP99Ms) ? 0 : lagP99Ms),
        converged: convergence.ok,
        convergenceNote: convergence.note,
      },
    };
  } finally {
    server.stop();
    machine.stop();
    closeAll(replicas);
    closeAll(local);
    await threads?.terminate();
    await sleep(300);
  }
}

/**
 * All full replicas hold the same fragment, a client joining now (which sees the server's copy)
 * holds it too, and it contains every token that was sent exactly once.
 */
async function checkConvergence(
  target: Target,
  docName: string,
  verifierIndex: number,
  replicas: readonly ProviderClient[],
  ledger: TokenLedger,
): Promise<{ ok: boolean; note: string }> {
  const verifier = new ProviderClient(target, docName, verifierIndex);
  try {
    await verifier.connect(30_000);
    const expectedText = () => fragmentText(verifier.doc);
    const same = () => replicas.every((r) => fragmentText(r.doc) === expectedText());
    const started = clock();
    const equal = await waitUntil(same, 10_000, 100);
    const counts = new Map<number, number>();
    scanTokens(Buffer.from(expectedText()), (id) => counts.set(id, (counts.get(id) ?? 0) + 1));
    const sent = ledger.sentCount();
    const once = [...counts.values()].filter((c) => c === 1).length;
    const ok = equal && once === sent && counts.size === sent;
    const note = ok
      ? `${replicas.length} replicas + late joiner equal, ${sent} tokens once each`
      : `replicas equal: ${equal} (waited ${Math.round(clock() - started)} ms); ` +
        `tokens in server copy: ${counts.size}/${sent}, exactly once: ${once}`;
    return { ok, note };
  } catch (err) {
    return { ok: false, note: `late joiner failed: ${(err as Error).message}` };
  } finally {
    verifier.close();
  }
}
