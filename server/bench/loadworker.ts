/**
 * A generator thread: it hosts a slice of the wire clients of a fan-out, drives their edits and
 * records the arrivals at them. The bench runs this bundled (see servers.ts), in worker threads,
 * because one thread cannot receive the ~80,000 frames/s of N = 200 (docs/performance.md).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { closeAll, driveEdits } from './drive.js';
import { LatencyHistogram } from './stats.js';
import { TokenLedger, type LedgerShare } from './tokens.js';
import { mapLimit } from './util.js';
import { WireClient, type WireEndpoint } from './wire.js';
import type { FromGeneratorThread, ToGeneratorThread } from './generator.js';

export interface GeneratorThreadInit {
  share: LedgerShare;
  docName: string;
  /** Client index of endpoints[0]. */
  first: number;
  endpoints: WireEndpoint[];
}

const LAG_TICK_MS = 5;
const port = parentPort!;
const init = workerData as GeneratorThreadInit;
const post = (message: FromGeneratorThread) => port.postMessage(message);

const ledger = new TokenLedger(init.share, {
  from: init.first,
  to: init.first + init.endpoints.length,
});
const clients = init.endpoints.map(
  (endpoint, k) =>
    new WireClient(endpoint, init.docName, init.first + k, {
      onFrame: (bytes, at) => ledger.observe(init.first + k, bytes, at),
    }),
);

const lag = new LatencyHistogram();
let expected = performance.now() + LAG_TICK_MS;
const lagTimer = setInterval(() => {
  const now = performance.now();
  lag.record(now - expected);
  expected = now + LAG_TICK_MS;
}, LAG_TICK_MS);
const progress = () =>
  post({
    type: 'progress',
    delivered: ledger.delivered,
    frames: ledger.frames,
    lastArrival: ledger.lastArrival,
  });
const progressTimer = setInterval(progress, 100);

port.on('message', (message: ToGeneratorThread) => {
  if (message.type === 'addParagraphs') {
    for (const c of clients) c.addParagraph();
  } else if (message.type === 'start') {
    lag.reset();
    driveEdits(clients, ledger, message).then(
      (window) => post({ type: 'sent', window }),
      (err: Error) => post({ type: 'error', message: err.message }),
    );
  } else if (message.type === 'finish') {
    clearInterval(lagTimer);
    clearInterval(progressTimer);
    progress();
    post({
      type: 'result',
      histogram: ledger.latency.toData(),
      lagP99Ms: lag.percentile(99),
    });
    closeAll(clients);
    port.close();
  }
});

mapLimit(clients, 20, (c) => c.connect()).then(
  () => post({ type: 'ready' }),
  (err: Error) => post({ type: 'error', message: err.message }),
);
