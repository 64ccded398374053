import { fragmentText, ProviderClient } from '../clients.js';
import { closeAll } from '../drive.js';
import { GeneratorMonitor, ProcSampler } from '../procstat.js';
import type { ResultRow } from '../report.js';
import { median } from '../stats.js';
import type { Target } from '../target.js';
import { clock, mapLimit, seededRandom, sleep, waitUntil } from '../util.js';

export interface ManyDocsOptions {
  documents: number;
  documentBytes: number;
}

const WORDS =
  'the plan skills youth employment partners region funding measure target review'.split(' ');

/**
 * D documents open at once, each with one stock-provider client that brings ~10 KB of text
 * (typed as 100-character inserts into paragraphs before it connects, so it arrives in the
 * first sync). RSS per document = (RSS with all open − RSS before any was opened) / D.
 */
export async function runManyDocs(target: Target, options: ManyDocsOptions): Promise<ResultRow> {
  const d = options.documents;
  await target.prepareClients(d + 16);
  const docNames = await mapLimit(
    Array.from({ length: d }, (_, i) => i),
    8,
    (i) => target.newDocument(`bench-many-${i}`),
  );
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
    await mapLimit(clients, 20, (c) => c.connect(60_000));
    const loadEnd = clock();
    machine.stop();
    const serverCpuPct = sampler.window(loadStart, loadEnd).cpuPercent;
    const contentOk = await spotCheck(target, docNames, firstLines, d);

    await sleep(5000);
    const loadedAt = clock();
    const loaded = medianRss(sampler, loadedAt - 3000, loadedAt);
    return {
      scenario: 'manydocs',
      variant: `${d} docs`,
      server: target.kind,
      label: target.label,
      metrics: {
        documents: d,
        bytesPerDocument: options.documentBytes,
        baselineRssMb: baseline / 1024,
        loadedRssMb: loaded / 1024,
        rssKbPerDoc: (loaded - baseline) / d,
        openSeconds: (loadEnd - loadStart) / 1000,
        serverCpuPct,
        otherCpuPct: machine.window(loadStart, loadEnd, serverCpuPct).otherCpuPct,
        contentOk,
      },
    };
  } finally {
    sampler.stop();
    closeAll(clients);
    await sleep(500);
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
      client.append(piece);
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

/** Ten documents, read back by a new client, hold what their client brought. */
async function spotCheck(
  target: Target,
  docNames: string[],
  firstLines: string[],
  firstIndex: number,
): Promise<boolean> {
  const picks = Array.from({ length: 10 }, (_, k) => Math.floor((k * docNames.length) / 10));
  let ok = true;
  for (const [k, i] of picks.entries()) {
    const reader = new ProviderClient(target, docNames[i]!, firstIndex + k);
    try {
      await reader.connect(30_000);
      const has = () => fragmentText(reader.doc).includes(firstLines[i]!.trim());
      if (!(await waitUntil(has, 5000, 50))) ok = false;
    } finally {
      reader.close();
    }
  }
  return ok;
}
