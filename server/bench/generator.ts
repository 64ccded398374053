import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadWindow } from './drive.js';
import type { GeneratorThreadInit } from './loadworker.js';
import { BUNDLE_DIR } from './servers.js';
import type { HistogramData } from './stats.js';
import type { LedgerShare } from './tokens.js';
import type { WireEndpoint } from './wire.js';

export type ToGeneratorThread =
  | { type: 'addParagraphs' }
  | { type: 'start'; startAt: number; seconds: number; editsPerSecond: number; seed: number }
  | { type: 'finish' };

export type FromGeneratorThread =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'progress'; delivered: number; frames: number; lastArrival: number }
  | { type: 'sent'; window: LoadWindow }
  | { type: 'result'; histogram: HistogramData; lagP99Ms: number };

interface ThreadState {
  worker: Worker;
  delivered: number;
  frames: number;
  lastArrival: number;
  waiting: Map<string, (m: FromGeneratorThread) => void>;
  failed: Error | null;
}

/**
 * The wire clients of a fan-out, spread over worker threads (loadworker.ts). They share the
 * token ledger with the main thread through SharedArrayBuffers, so a token sent from one thread
 * is timed on arrival in any other.
 */
export class GeneratorThreads {
  private constructor(private readonly threads: ThreadState[]) {}

  static async open(options: {
    threads: number;
    share: LedgerShare;
    docName: string;
    first: number;
    endpoints: WireEndpoint[];
  }): Promise<GeneratorThreads> {
    const count = Math.max(1, Math.min(options.threads, options.endpoints.length));
    const per = Math.ceil(options.endpoints.length / count);
    const states: ThreadState[] = [];
    for (let t = 0; t < count; t++) {
      const endpoints = options.endpoints.slice(t * per, (t + 1) * per);
      if (endpoints.length === 0) break;
      const init: GeneratorThreadInit = {
        share: options.share,
        docName: options.docName,
        first: options.first + t * per,
        endpoints,
      };
      const worker = new Worker(path.join(BUNDLE_DIR, 'loadworker.mjs'), { workerData: init });
      const state: ThreadState = {
        worker,
        delivered: 0,
        frames: 0,
        lastArrival: -Infinity,
        waiting: new Map(),
        failed: null,
      };
      const fail = (err: Error) => {
        state.failed = err;
        for (const resolve of state.waiting.values())
          resolve({ type: 'error', message: err.message });
        state.waiting.clear();
      };
      worker.on('message', (m: FromGeneratorThread) => {
        if (m.type === 'progress') {
          state.delivered = m.delivered;
          state.frames = m.frames;
          state.lastArrival = m.lastArrival;
        } else if (m.type === 'error') {
          fail(new Error(m.message));
        } else {
          state.waiting.get(m.type)?.(m);
          state.waiting.delete(m.type);
        }
      });
      worker.on('error', fail);
      states.push(state);
    }
    const generator = new GeneratorThreads(states);
    try {
      await generator.all('ready');
    } catch (err) {
      await generator.terminate();
      throw err;
    }
    return generator;
  }

  get delivered(): number {
    return this.threads.reduce((n, t) => n + t.delivered, 0);
  }

  get frames(): number {
    return this.threads.reduce((n, t) => n + t.frames, 0);
  }

  get lastArrival(): number {
    return Math.max(...this.threads.map((t) => t.lastArrival));
  }

  addParagraphs(): void {
    this.broadcast({ type: 'addParagraphs' });
  }

  async drive(options: {
    startAt: number;
    seconds: number;
    editsPerSecond: number;
    seed: number;
  }): Promise<LoadWindow[]> {
    const sent = this.all('sent');
    this.threads.forEach((t, i) =>
      t.worker.postMessage({ type: 'start', ...options, seed: options.seed + i + 1 }),
    );
    return (await sent).map((m) => (m as Extract<FromGeneratorThread, { type: 'sent' }>).window);
  }

  /** Final histograms and loop lag; the threads close their clients and end. */
  async finish(): Promise<{ histograms: HistogramData[]; lagP99Ms: number }> {
    const results = this.all('result');
    this.broadcast({ type: 'finish' });
    const done = (await results) as Extract<FromGeneratorThread, { type: 'result' }>[];
    return {
      histograms: done.map((r) => r.histogram),
      lagP99Ms: Math.max(...done.map((r) => r.lagP99Ms)),
    };
  }

  async terminate(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private broadcast(message: ToGeneratorThread): void {
    for (const t of this.threads) t.worker.postMessage(message);
  }

  /** One message of `type` from every thread; rejects on a thread's error. */
  private async all(type: FromGeneratorThread['type']): Promise<FromGeneratorThread[]> {
    const replies = await Promise.all(
      this.threads.map(
        (t) =>
          new Promise<FromGeneratorThread>((resolve) => {
            if (t.failed) resolve({ type: 'error', message: t.failed.message });
            else t.waiting.set(type, resolve);
          }),
      ),
    );
    const error = replies.find((r) => r.type === 'error');
    if (error?.type === 'error') throw new Error(`generator thread: ${error.message}`);
    return replies;
  }
}
