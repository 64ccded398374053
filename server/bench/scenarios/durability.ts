import path from 'node:path';
import Database from 'better-sqlite3';
import { closeAll, driveEdits } from '../drive.js';
import { openClients } from '../load.js';
import { GeneratorMonitor, ProcSampler } from '../procstat.js';
import type { ResultRow } from '../report.js';
import { LatencyHistogram } from '../stats.js';
import type { Target } from '../target.js';
import { scanTokens, TokenLedger } from '../tokens.js';
import { clock, sleep, waitForQuiet } from '../util.js';

interface Step {
  writers: number;
  perWriter: number;
  seconds: number;
  /** The realistic load the ≤ 100 ms target is judged at. */
  headline?: boolean;
}

const FULL_STEPS: Step[] = [
  { writers: 20, perWriter: 2, seconds: 20, headline: true },
  { writers: 16, perWriter: 16, seconds: 5 },
  { writers: 16, perWriter: 64, seconds: 5 },
  { writers: 16, perWriter: 125, seconds: 5 },
];
const QUICK_STEPS: Step[] = [
  { writers: 10, perWriter: 2, seconds: 5, headline: true },
  { writers: 16, perWriter: 64, seconds: 3 },
];

/**
 * Ours only, persistence on: each step has W clients typing into one fresh document at a fixed
 * offered rate, while the bench reads the SQLite file (read-only; WAL lets it read beside the
 * server) every 2 ms and notes when each token first appears in a committed update row (or in
 * a snapshot, should compaction have folded the row away first). Send → durable includes the
 * loopback hop and up to one polling interval.
 */
export async function runDurability(
  target: Target,
  options: { quick: boolean },
): Promise<ResultRow[]> {
  await target.prepareClients(64);
  const rows: ResultRow[] = [];
  for (const step of options.quick ? QUICK_STEPS : FULL_STEPS)
    rows.push(await runStep(target, step));
  return rows;
}

async function runStep(target: Target, step: Step): Promise<ResultRow> {
  const offered = step.writers * step.perWriter;
  const docName = await target.newDocument(`bench-durable-${offered}`);
  const capacity = Math.ceil(offered * (step.seconds + 2) * 1.2) + 1024;
  const ledger = TokenLedger.local(step.writers, capacity);
  const clients = await openClients(target, docName, step.writers, { fullClients: 0, ledger });
  const watcher = new DurableWatcher(
    path.join(target.server.dataDir, 'polisee.db'),
    docName,
    ledger,
  );
  const sampler = new ProcSampler(target.server.pid).start();
  const machine = new GeneratorMonitor();
  try {
    for (const c of clients) c.addParagraph();
    await sleep(1000);
    watcher.start();
    machine.start();
    const load = await driveEdits(clients, ledger, {
      seconds: step.seconds,
      editsPerSecond: step.perWriter,
    });
    const sent = ledger.sentCount();
    await waitForQuiet(() => watcher.durable + ledger.delivered, {
      quietMs: 3000,
      capMs: 20_000,
      done: () => watcher.durable >= sent && ledger.delivered >= ledger.expected,
    });
    watcher.stop();
    machine.stop();
    ledger.latency.recordMissing(Math.max(0, ledger.expected - ledger.delivered));
    watcher.latency.recordMissing(sent - watcher.durable);
    const durable = watcher.latency.summary();
    const srv = sampler.window(load.start, load.end);
    const spanS = (watcher.lastDurable - ledger.firstSend()) / 1000;
    return {
      scenario: 'durability',
      variant: `${step.writers}×${step.perWriter}/s`,
      server: target.kind,
      label: target.label,
      metrics: {
        headline: step.headline === true,
        writers: step.writers,
        offeredPerS: offered,
        sendRate: load.sent / ((load.end - load.start) / 1000),
        editsSent: sent,
        durable: watcher.durable,
        durablePct: sent ? (watcher.durable / sent) * 100 : NaN,
        durablePerS: spanS > 0 ? watcher.durable / spanS : NaN,
        durableP50Ms: durable.p50,
        durableP99Ms: durable.p99,
        durableMaxMs: durable.max,
        echoP50Ms: ledger.latency.percentile(50),
        echoP99Ms: ledger.latency.percentile(99),
        serverCpuPct: srv.cpuPercent,
        serverRssMaxMb: srv.rssMaxMb,
        ...machine.window(load.start, load.end, srv.cpuPercent),
        pollIntervalMs: DurableWatcher.pollMs,
      },
    };
  } finally {
    watcher.stop();
    machine.stop();
    sampler.stop();
    closeAll(clients);
    await sleep(300);
  }
}

/** Watches the server's SQLite file for the tokens of one document. */
class DurableWatcher {
  static readonly pollMs = 2;
  readonly latency = new LatencyHistogram();
  durable = 0;
  lastDurable = -Infinity;
  private readonly seen = new Set<number>();
  private db: Database.Database | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSeq = 0;

  constructor(
    private readonly file: string,
    private readonly documentId: string,
    private readonly ledger: TokenLedger,
  ) {}

  start(): void {
    this.db = new Database(this.file, { readonly: true, fileMustExist: true });
    const updates = this.db.prepare(
      'SELECT seq, update_bytes FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
    );
    const snapshot = this.db.prepare(
      'SELECT state, last_seq FROM document_snapshots WHERE document_id = ?',
    );
    const poll = () => {
      const at = clock();
      const rows = updates.all(this.documentId, this.lastSeq) as {
        seq: number;
        update_bytes: Buffer;
      }[];
      for (const row of rows) {
        scanTokens(row.update_bytes, (id) => this.arrive(id, at));
        this.lastSeq = row.seq;
      }
      const snap = snapshot.get(this.documentId) as { state: Buffer; last_seq: number } | undefined;
      if (snap && snap.last_seq > this.lastSeq) {
        scanTokens(snap.state, (id) => this.arrive(id, at));
        this.lastSeq = snap.last_seq;
      }
      this.timer = setTimeout(poll, DurableWatcher.pollMs);
    };
    poll();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.db?.close();
    this.db = undefined;
  }

  private arrive(id: number, at: number): void {
    if (this.seen.has(id)) return;
    const sentAt = this.ledger.sendTimeOf(id);
    if (Number.isNaN(sentAt)) return;
    this.seen.add(id);
    this.durable++;
    this.lastDurable = at;
    this.latency.record(at - sentAt);
  }
}
