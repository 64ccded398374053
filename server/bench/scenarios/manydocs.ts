import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { fragmentText, ProviderClient } from '../clients.js';
import { closeAll } from '../drive.js';
import { GeneratorMonitor, ProcSampler, readThreadCount } from '../procstat.js';
import type { ResultRow } from '../report.js';
import { median } from '../stats.js';
import { startTarget, type Target } from '../target.js';
import { clock, mapLimit, seededRandom, sleep, waitUntil } from '../util.js';

export interface ManyDocsOptions {
  documents: number;
  documentBytes: number;
  /**
   * Ours seeds every new document with its kind's template (~55 KB of Yjs objects in memory per
   * document); the references' documents start empty. By default the bench deletes the template
   * first, as a user clearing it would, so that every server holds the same content: what the
   * client brings. With this set, ours keeps it (the figure then includes the template).
   */
  keepTemplate: boolean;
  /** Where a restarted server writes its log (the bench's work directory). */
  workDir: string;
}

const WORDS =
  'the plan skills youth employment partners region funding measure target review'.split(' ');

/** The variant name of a run; the targets are judged on the one without the template. */
export function manyDocsVariant(documents: number, keepTemplate: boolean): string {
  return keepTemplate ? `${documents} docs, template kept` : `${documents} docs`;
}

/**
 * D documents open at once, each with one stock-provider client that brings ~10 KB of text
 * (typed as 100-character inserts into paragraphs before it connects, so it arrives in the
 * first sync). RSS per document = (RSS with all open − RSS before any was opened) / D; and
 * that of the second half alone (opened after the first half's RSS was read).
 */
export async function runManyDocs(first: Target, options: ManyDocsOptions): Promise<ResultRow> {
  const d = options.documents;
  const docNames = await mapLimit(
    Array.from({ length: d }, (_, i) => i),
    8,
    (i) => first.newDocument(`bench-many-${i}`),
  );
  let target = first;
  let restarted: Target | undefined;
  if (first.kind === 'ours') {
    if (!options.keepTemplate) {
      await first.prepareClients(d);
      await mapLimit(docNames, 16, (name, i) => clearDocument(first, name, i));
    }
    // The baseline is then taken in a fresh process on the same data, as the references' is:
    // creating (and clearing) the documents leaves freed heap that the rooms would reuse, which
    // would make ours' figure look smaller than it is.
    await sleep(1000);
    await first.stop();
    restarted = await startTarget('ours', options.workDir, { dataDir: first.server.dataDir });
    target = restarted;
  }
  const threadsBefore = readThreadCount(target.server.pid);
  await target.prepareClients(d + 16);
  // Inviting the clients' users set their passwords, which ours checks in a thread that stays a
  // few seconds (decision 0101): the baseline waits for it to go, as a process serving nothing.
  await waitUntil(() => readThreadCount(target.server.pid) <= threadsBefore, 30_000, 250);
  const sampler = new ProcSampler(target.server.pid, 250).start();
  const clients: ProviderClient[] = [];
  try {
    await sleep(3000);
    const baselineAt = clock();
    const baseline = medianRss(sampler, baselineAt - 2000, baselineAt);

    const random = seededRandom(11);
    const firstLines: string[] = [];
    for (let i = 0; i < d; i++) {
      const client = new ProviderClient(target, docNames[i]!, i);
      firstLines.push(fillDocument(client, options.documentBytes, random));
      clients.push(client);
    }
    const machine = new GeneratorMonitor().start();
    const loadStart = clock();
    // In two halves, with the RSS read between them: the second half's cost per document is
    // the marginal one, free of what any first load costs (the heap's growth, allocator arenas
    // a baseline already held).
    const half = Math.floor(d / 2);
    await mapLimit(clients.slice(0, half), 20, (c) => c.connect(60_000));
    const halfLoadedAt = clock();
    await sleep(5000);
    const halfLoaded = medianRss(sampler, clock() - 3000, clock());
    const secondStart = clock();
    await mapLimit(clients.slice(half), 20, (c) => c.connect(60_000));
    const loadEnd = clock();
    machine.stop();
    // Over the two loads, not the pause between them.
    const loadMs = halfLoadedAt - loadStart + (loadEnd - secondStart);
    const cpuSeconds =
      sampler.window(loadStart, halfLoadedAt).cpuSeconds +
      sampler.window(secondStart, loadEnd).cpuSeconds;
    const serverCpuPct = (cpuSeconds / (loadMs / 1000)) * 100;
    const withTemplate = target.kind === 'ours' && options.keepTemplate;
    const contentOk = await spotCheck(target, docNames, firstLines, d, withTemplate);

    await sleep(5000);
    const loadedAt = clock();
    const loaded = medianRss(sampler, loadedAt - 3000, loadedAt);
    return {
      scenario: 'manydocs',
      variant: manyDocsVariant(d, options.keepTemplate),
      server: target.kind,
      label: target.label,
      metrics: {
        documents: d,
        bytesPerDocument: options.documentBytes,
        baselineRssMb: baseline / 1024,
        loadedRssMb: loaded / 1024,
        rssKbPerDoc: (loaded - baseline) / d,
        rssKbPerDocSecondHalf: (loaded - halfLoaded) / (d - half),
        openSeconds: loadMs / 1000,
        serverCpuPct,
        otherCpuPct: machine.window(
          loadStart,
          loadEnd,
          sampler.window(loadStart, loadEnd).cpuPercent,
        ).otherCpuPct,
        contentOk,
      },
    };
  } finally {
    sampler.stop();
    closeAll(clients);
    await sleep(500);
    await restarted?.stop();
  }
}

/** Deletes everything in the document (ours' template), through a stock client. */
async function clearDocument(target: Target, docName: string, index: number): Promise<void> {
  const client = new ProviderClient(target, docName, index);
  try {
    await client.connect(60_000);
    const fragment = client.doc.getXmlFragment(FRAGMENT_NAME);
    // Sent at once; the close frame follows it on the same socket.
    fragment.delete(0, fragment.length);
  } finally {
    client.close();
  }
}

/** Paragraphs of ~1 KB, each typed as 100-character inserts; returns the first paragraph. */
function fillDocument(client: ProviderClient, bytes: number, random: () => number): string {
  let first = '';
  let total = 0;
  while (total < bytes) {
    let paragraph = '';
    client.addParagraph();
    while (paragraph.length < 1000 && total < bytes) {
      let piece = '';
      while (piece.length < 100) piece += `${WORDS[Math.floor(random() * WORDS.length)]} `;
      // Typed, whatever edit the fan-out makes (BENCH_EDIT): ~10 paragraphs of 1 KB.
      client.type(piece);
      paragraph += piece;
      total += piece.length;
    }
    if (!first) first = paragraph;
  }
  return first;
}

function medianRss(sampler: ProcSampler, from: number, to: number): number {
  const samples = sampler.samplesBetween(from, to).map((s) => s.rssKb);
  return median(samples);
}

/**
 * Ten documents, read back by a new client, hold what their client brought, and the template
 * only where it was kept.
 */
async function spotCheck(
  target: Target,
  docNames: string[],
  firstLines: string[],
  firstIndex: number,
  withTemplate: boolean,
): Promise<boolean> {
  const picks = Array.from({ length: 10 }, (_, k) => Math.floor((k * docNames.length) / 10));
  let ok = true;
  for (const [k, i] of picks.entries()) {
    const reader = new ProviderClient(target, docNames[i]!, firstIndex + k);
    try {
      await reader.connect(30_000);
      const has = () => fragmentText(reader.doc).includes(firstLines[i]!.trim());
      if (!(await waitUntil(has, 5000, 50))) ok = false;
      // The template is the only source of headings here.
      if (fragmentText(reader.doc).includes('<heading') !== withTemplate) ok = false;
    } finally {
      reader.close();
    }
  }
  return ok;
}
