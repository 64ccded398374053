/**
 * Search on the embedded store (issue 17, decision 0059): an index of 10,000 documents of 2,000
 * words and 50,000 thread messages (bulk through the repo, over the demo workspace's three
 * groups), then queries of one to three words with and without facets, timed through the
 * service the REST route calls (groups, store query, per-hit policy check, JSON encoding) as a
 * lead of two groups. Then the time from an edit sent by a stock y-websocket client to the
 * real server, until search finds it (writer flush, debounce, read, index).
 * Targets: query p50 ≤ 50 ms, p99 ≤ 200 ms; edit to searchable ≤ 2 s.
 *
 * Sizes: SEARCH_BENCH_DOCUMENTS, SEARCH_BENCH_WORDS (per document), SEARCH_BENCH_MESSAGES.
 * The corpus is built once per size and kept (searchCorpus.ts); each run queries a copy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SearchQueryParams } from '@polisee/contracts';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { searchWorkspace } from '../../src/search/searchWorkspace.js';
import { startServer } from '../../src/server.js';
import { createServiceContext } from '../../src/services/context.js';
import { loadActor } from '../../src/services/loadActor.js';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.js';
import { connectCollab, synced } from '../../src/testing/collabClient.js';
import { TestClient } from '../../src/testing/httpClient.js';
import { insertTestText } from '../../src/testing/testText.js';
import { percentile } from '../stats.js';
import { runWhenMain, timed, type StoreBenchOptions, type StoreBenchRow } from './measure.js';
import { BENCH_PASSWORD, copyCorpus, vocabulary, type CorpusSize } from './searchCorpus.js';

const SIZES = {
  full: { documents: 10_000, words: 2_000, messages: 50_000 },
  quick: { documents: 500, words: 2_000, messages: 2_500 },
};
const QUERY_RUNS = { full: 30, quick: 10 };
const EDIT_RUNS = { full: 10, quick: 5 };

function sizes(quick: boolean): CorpusSize {
  const base = quick ? SIZES.quick : SIZES.full;
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  return {
    documents: env('SEARCH_BENCH_DOCUMENTS', base.documents),
    words: env('SEARCH_BENCH_WORDS', base.words),
    messages: env('SEARCH_BENCH_MESSAGES', base.messages),
  };
}

/** The load average over the last minute: the figures mean little without it (shared cores). */
const load = () => os.loadavg()[0]!.toFixed(1);

export async function runSearchBench(options: StoreBenchOptions): Promise<StoreBenchRow[]> {
  const size = sizes(options.quick);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polisee-bench-search-'));
  const file = path.join(dir, 'polisee.db');
  await copyCorpus(size, file, options.log);
  const store = new SqliteStore(file);
  const logger = pino({ level: 'silent' });
  const ctx = createServiceContext(store, logger);
  const rows: StoreBenchRow[] = [];
  try {
    const lead = (await loadActor(ctx, (await store.users.getByEmail('lead@polisee.test'))!.id))!;
    const words = vocabulary(20_000);
    const corpus = `${size.documents} docs × ${size.words} w + ${size.messages} msgs`;
    const runs = options.quick ? QUERY_RUNS.quick : QUERY_RUNS.full;
    // Frequent, middling and rare words; the last one typed as a prefix.
    const cases: { name: string; q: string; facets?: Partial<SearchQueryParams> }[] = [
      { name: '1 frequent word', q: words[2]! },
      { name: '1 rare word', q: words[5_000]! },
      { name: '2 words, prefix', q: `${words[10]} ${words[300]!.slice(0, 3)}` },
      { name: '3 words', q: `${words[3]} ${words[40]} ${words[700]}` },
      { name: '1 word + priority', q: words[2]!, facets: { priority: ['financing'] } },
      {
        name: '2 words + type, country',
        q: `${words[10]} ${words[120]}`,
        facets: { type: ['thread'], country: ['GR', 'RO'] },
      },
    ];
    options.log(`search: querying as the lead of two of three groups (load ${load()})`);
    for (const c of cases) {
      const params: SearchQueryParams = { q: c.q, limit: 20, offset: 0, ...c.facets };
      const t = await timed(runs, () => searchWorkspace(ctx, lead, params));
      const total = (await searchWorkspace(ctx, lead, params)).total;
      options.log(
        `search: ${c.name}: ${total} hits, p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms (load ${load()})`,
      );
      rows.push({
        case: `search: ${c.name} (${total} hits)`,
        size: corpus,
        runs,
        ...t,
        target: 50,
      });
    }

    rows.push(await editToSearchable(ctx, dir, options.quick ? EDIT_RUNS.quick : EDIT_RUNS.full));
    return rows;
  } finally {
    await ctx.contentReader.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Edits through the real server until each is found, as a lead searching for it would. */
async function editToSearchable(
  ctx: ReturnType<typeof createServiceContext>,
  dir: string,
  runs: number,
): Promise<StoreBenchRow> {
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
  });
  const running = await startServer(config, ctx, pino({ level: 'silent' }));
  const baseUrl = `http://127.0.0.1:${running.port}`;
  const client = new TestClient(baseUrl);
  await client.login('lead@polisee.test', BENCH_PASSWORD);
  const lead = (await loadActor(ctx, (await ctx.store.users.getByEmail('lead@polisee.test'))!.id))!;
  const group = lead.memberships.find((m) => m.role === 'wg_lead')!.workingGroupId;
  const created = await client.post('/api/documents', {
    title: 'Edited while searched',
    kind: 'workshop_notes',
    workingGroupId: group,
    thematicPriorities: ['skills'],
    language: 'en',
  });
  const editor = connectCollab(baseUrl, created.body.id as string, {
    cookie: client.sessionCookie,
  });
  const samples: number[] = [];
  try {
    await synced(editor);
    for (let i = 0; i < runs; i++) {
      const marker = `benchmarker${i}x${Date.now().toString(36)}`;
      const started = performance.now();
      insertTestText(editor.doc, 0, ` ${marker} `);
      for (;;) {
        const r = await searchWorkspace(ctx, lead, { q: marker, limit: 1, offset: 0 });
        if (r.total > 0) break;
        if (performance.now() - started > 10_000) throw new Error('an edit was never found');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      samples.push(performance.now() - started);
      // Apart, so that each edit is a burst of its own (not one debounced with the last).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    editor.destroy();
    await running.close();
  }
  return {
    case: 'edit sent → searchable (real write path)',
    size: 'one document, one editor',
    runs,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    target: 2_000,
  };
}

runWhenMain(import.meta.url, runSearchBench);
