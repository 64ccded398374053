import * as Y from 'yjs';
import { fragmentText, ProviderClient } from '../clients.js';
import { generateHistory, type History } from '../history.js';
import type { BenchOptions } from '../options.js';
import { GeneratorMonitor, readCpuSeconds } from '../procstat.js';
import { classifyFrame, type WireDialect } from '../protocol.js';
import type { ResultRow } from '../report.js';
import type { Bench } from '../session.js';
import { log } from '../session.js';
import { startTarget, wireEndpoint, type Target } from '../target.js';
import { median, percentile } from '../stats.js';
import { clock, sleep, waitUntil } from '../util.js';
import { WireClient } from '../wire.js';

interface Join {
  syncMs: number;
  /** From our sync step 1 leaving to the server's step 2 arriving: the server's response time. */
  responseMs: number;
  bytes: number;
  equal: boolean;
}

/**
 * A new client (stock provider, empty cache) joins a document with a long history. The main
 * case keeps the document in the server's memory (a holder client stays connected), which is
 * the only state the reference servers have without persistence. For ours, a second case
 * restarts the server first, so that the join also loads the document from SQLite.
 */
export async function runColdJoin(bench: Bench, options: BenchOptions): Promise<void> {
  const started = clock();
  const history = generateHistory(options.historyEdits);
  log(
    `coldjoin: history of ${history.edits} edits, ${history.paragraphs} paragraphs, ` +
      `${history.clients} sessions, ${history.chunks.length} upload chunks ` +
      `(${((clock() - started) / 1000).toFixed(1)} s to make)`,
  );
  for (const kind of bench.servers) {
    await bench.on(kind, 'coldjoin', 'in memory', async (target) => {
      const { docName, expected, holder } = await loadHistory(target, history);
      const joins: Join[] = [];
      const machine = new GeneratorMonitor().start();
      let cpuMs: number;
      let t0: number;
      try {
        t0 = clock();
        const cpu0 = readCpuSeconds(target.server.pid);
        for (let i = 0; i < options.joins; i++) {
          joins.push(await join(target, docName, 2 + i, expected));
        }
        cpuMs = (readCpuSeconds(target.server.pid) - cpu0) * 1000;
      } finally {
        holder.close();
        machine.stop();
      }
      const t1 = clock();
      const serverPct = (cpuMs / (t1 - t0)) * 100;
      const rows = [
        row(target, 'in memory', history, joins, cpuMs / joins.length, {
          otherCpuPct: machine.window(t0, t1, serverPct).otherCpuPct,
        }),
      ];
      if (kind === 'ours') rows.push(await fromDisk(bench, target, docName, history, expected));
      return rows;
    });
  }
}

function row(
  target: Target,
  variant: string,
  history: History,
  joins: Join[],
  cpuMsPerJoin: number,
  extra: Record<string, number> = {},
): ResultRow {
  return {
    scenario: 'coldjoin',
    variant,
    server: target.kind,
    label: target.label,
    metrics: {
      edits: history.edits,
      joins: joins.length,
      syncP50Ms: median(joins.map((j) => j.syncMs)),
      syncP99Ms: percentile(
        joins.map((j) => j.syncMs),
        99,
      ),
      responseP50Ms: median(joins.map((j) => j.responseMs)),
      serverCpuMsPerJoin: cpuMsPerJoin,
      bytesReceived: median(joins.map((j) => j.bytes)),
      converged: joins.every((j) => j.equal),
      ...extra,
    },
  };
}

/**
 * Uploads the history through a wire client, which stays connected as the holder, and returns
 * the text a joiner must end with: the server's initial content (ours seeds a template) plus it.
 */
async function loadHistory(target: Target, history: History) {
  await target.prepareClients(64);
  const docName = await target.newDocument('bench-coldjoin');
  const initial = new ProviderClient(target, docName, 1);
  await initial.connect();
  const expectedDoc = new Y.Doc();
  Y.applyUpdate(expectedDoc, Y.encodeStateAsUpdate(initial.doc));
  initial.close();
  Y.applyUpdate(expectedDoc, history.state);
  const expected = fragmentText(expectedDoc);
  expectedDoc.destroy();

  const holder = new WireClient(wireEndpoint(target, docName, 0), docName, 0);
  await holder.connect();
  // 100 frames/s stays under ours' 200 messages/s per connection.
  for (const chunk of history.chunks) {
    holder.sendUpdate(chunk);
    await sleep(10);
  }
  await waitUntil(() => holder.bufferedAmount === 0, 30_000);
  const check = new ProviderClient(target, docName, 1);
  try {
    await check.connect(60_000);
    if (!(await waitUntil(() => fragmentText(check.doc) === expected, 5000, 100))) {
      throw new Error('the server does not hold the uploaded history');
    }
  } finally {
    check.close();
  }
  return { docName, expected, holder };
}

async function join(
  target: Target,
  docName: string,
  index: number,
  expected: string,
): Promise<Join> {
  const dialect = target.server.dialect;
  let step1At = NaN;
  let step2At = NaN;
  let bytes = 0;
  let synced = false;
  const client = new ProviderClient(target, docName, index, {
    onSend: (b, at) => {
      if (Number.isNaN(step1At) && syncType(dialect, b) === 0) step1At = at;
    },
    onFrame: (b, at) => {
      if (synced) return;
      bytes += b.byteLength;
      if (Number.isNaN(step2At) && syncType(dialect, b) === 1) step2At = at;
    },
  });
  const t0 = clock();
  try {
    await client.connect(120_000);
    synced = true;
    const t1 = clock();
    return {
      syncMs: t1 - t0,
      responseMs: step2At - step1At,
      bytes,
      equal: fragmentText(client.doc) === expected,
    };
  } finally {
    client.close();
    await sleep(50);
  }
}

function syncType(dialect: WireDialect, bytes: Uint8Array): number | undefined {
  return classifyFrame(dialect, bytes)?.syncType;
}

/**
 * Ours only: restart on the same data directory, then the first join loads from SQLite. A join
 * to a small document first warms the fresh process's code paths (JIT), so the figure is the
 * load, not the compiler.
 */
async function fromDisk(
  bench: Bench,
  target: Target,
  docName: string,
  history: History,
  expected: string,
): Promise<ResultRow> {
  const { dataDir } = target.server;
  await target.stop();
  const joins: Join[] = [];
  let cpuMs = 0;
  for (let i = 0; i < 3; i++) {
    const restarted = await startTarget('ours', bench.workDir, { dataDir });
    try {
      await restarted.prepareClients(2);
      const warmDoc = await restarted.newDocument('bench-warmup');
      for (let w = 0; w < 3; w++) {
        const warm = new ProviderClient(restarted, warmDoc, 1);
        await warm.connect();
        warm.append('warm up ');
        warm.close();
      }
      await sleep(500);
      const cpu0 = readCpuSeconds(restarted.server.pid);
      joins.push(await join(restarted, docName, 0, expected));
      cpuMs += (readCpuSeconds(restarted.server.pid) - cpu0) * 1000;
    } finally {
      await restarted.stop();
    }
  }
  return row(target, 'from disk (after restart)', history, joins, cpuMs / joins.length);
}
