/**
 * Exports of a 25,000-word plan, measured server-side from its ProseMirror JSON to the file's
 * bytes: the walk, then DOCX (target 2 s), Markdown, and PDF through headless Chromium (target
 * 5 s, the browser already running, as in a server that has printed once).
 */
import { tmpdir } from 'node:os';
import type { JSONContent } from '@polisee/editor-schema';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { ChromiumPrinter } from '../../src/export/ChromiumPrinter.js';
import type { ExportTree } from '../../src/export/exportTree.js';
import { labelsFor } from '../../src/export/labels.js';
import { readExportBody } from '../../src/export/readExportTree.js';
import { renderDocx } from '../../src/export/renderDocx.js';
import { renderHtml } from '../../src/export/renderHtml.js';
import { renderMarkdown } from '../../src/export/renderMarkdown.js';
import { runWhenMain, timed, type StoreBenchOptions, type StoreBenchRow } from './measure.js';

const WORDS = 25_000;
// Latin, Greek and Cyrillic, as a programme document mixes them.
const VOCABULARY = (
  'cluster region innovation policy funding partners network skills pilot assessment ' +
  'καινοτομία περιφέρεια πολιτική συστάδα иновации регион политика клъстер'
).split(' ');

function longPlan(words: number): JSONContent {
  let seed = 7;
  const word = () => VOCABULARY[(seed = (seed * 31 + 11) % 9973) % VOCABULARY.length]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ') + '.';
  const p = (text: string): JSONContent => ({
    type: 'paragraph',
    content: [{ type: 'text', text }],
  });
  const content: JSONContent[] = [];
  for (let section = 1, written = 0; written < words; section++) {
    content.push({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: `Section ${section}` }],
    });
    for (let i = 0; i < 4; i++) content.push(p(`${sentence(12)} ${sentence(13)}`));
    content.push({
      type: 'bulletList',
      content: [0, 1, 2].map(() => ({ type: 'listItem', content: [p(sentence(8))] })),
    });
    content.push({
      type: 'table',
      content: [0, 1].map(() => ({
        type: 'tableRow',
        content: [0, 1].map(() => ({ type: 'tableCell', content: [p(sentence(4))] })),
      })),
    });
    written += 4 * 25 + 3 * 8 + 4 * 4 + 2;
  }
  return { type: 'doc', content };
}

export async function runExportBench(options: StoreBenchOptions): Promise<StoreBenchRow[]> {
  const runs = options.quick ? 2 : 5;
  const plan = longPlan(WORDS);
  const tree = (): ExportTree => ({
    title: 'Joint Strategic Plan',
    subtitle: 'Bench',
    body: readExportBody(plan, labelsFor('en')),
    appendices: [],
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: tmpdir(),
    SESSION_SECRET: 'b'.repeat(32),
  });
  const printer = new ChromiumPrinter(config.pdfExport, pino({ level: 'silent' }));
  const size = `${WORDS.toLocaleString('en')} words`;
  try {
    options.log('export: DOCX');
    const docx = await timed(runs, async () => (await renderDocx(tree())).byteLength);
    options.log('export: Markdown');
    const md = await timed(runs, async () => renderMarkdown(tree()).length);
    options.log('export: PDF');
    const pdf = await timed(
      runs,
      async () => (await printer.print(renderHtml(tree(), 'en'))).byteLength,
    );
    return [
      { case: 'export DOCX', size, runs, ...docx, target: 2000 },
      { case: 'export Markdown', size, runs, ...md, target: null },
      { case: 'export PDF (browser warm)', size, runs, ...pdf, target: 5000 },
    ];
  } finally {
    await printer.close();
  }
}

runWhenMain(import.meta.url, runExportBench);
