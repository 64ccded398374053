import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { List, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ChromiumPrinter } from './ChromiumPrinter.js';
import {
  BULGARIAN_PARAGRAPH,
  buildExportContent,
  GREEK_CELL,
  GREEK_HEADING,
} from './exportFixtures.js';
import type { ExportTree } from './exportTree.js';
import { labelsFor } from './labels.js';
import { readExportBody } from './readExportTree.js';
import { renderDocx } from './renderDocx.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';

const GREEK_TITLE = 'Σχέδιο βιωσιμότητας';

function buildTree(): ExportTree {
  return {
    title: GREEK_TITLE,
    subtitle: 'Έκδοση 2',
    body: readExportBody(buildExportContent(), labelsFor('el')),
    appendices: [],
  };
}

describe('DOCX', () => {
  it('has Word headings, lists, tables, links and the Greek text', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(buildTree()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map(
      (m) => m[0],
    );
    const styled = (style: string) =>
      paragraphs
        .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
        .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

    expect(styled('Title')).toEqual([GREEK_TITLE]);
    expect(styled('Heading1')).toEqual([GREEK_HEADING]);
    expect(styled('Heading2')).toEqual(['Objectives']);
    expect(styled('Heading3')).toEqual(['Method blocks']);
    // The heading styles exist, so Word's navigation pane lists them.
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:styleId="Heading1"');

    expect(xml).toContain(BULGARIAN_PARAGRAPH);
    // Lists are Word numbering: the nested item one level down.
    const numbered = paragraphs.filter((p) => p.includes('<w:numPr>'));
    expect(numbered.map((p) => /<w:ilvl w:val="(\d)"\/>/.exec(p)?.[1])).toEqual([
      '0',
      '1',
      '0',
      '0',
      '0',
    ]);
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    expect(numbering).toContain('<w:start w:val="3"/>');

    // Table cells, the method blocks' included: criteria across, measures and priorities down.
    const cells = [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) =>
      [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(cells).toEqual(expect.arrayContaining(['Region', GREEK_CELL, 'Συνάφεια']));
    expect(cells).toEqual(
      expect.arrayContaining(['Custom criterion', 'Cluster vouchers', 'Δεξιότητες και απασχόληση']),
    );
    expect(cells).toEqual(expect.arrayContaining(['Automation', 'Τεχνολογικοί', '5', '4']));
    expect(cells).toEqual(expect.arrayContaining(['Firms supported', '50%']));

    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('Target="https://example.org/plan"');
    expect(xml).toContain('<w:hyperlink');
    expect(rels + xml).not.toContain('javascript:');
    // Suggestions: a pending deletion stays, struck through.
    expect(paragraphs.find((p) => p.includes(' removed'))).toContain('<w:strike/>');
  });
});

describe('Markdown', () => {
  const parse = (md: string): Root =>
    fromMarkdown(md, {
      extensions: [gfmTable(), gfmTaskListItem()],
      mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
    });

  it('round-trips headings, nested lists, tables and blocks', () => {
    const md = renderMarkdown(buildTree());
    const root = parse(md);
    const headings = root.children
      .filter((n) => n.type === 'heading')
      .map((h) => [h.depth, toString(h)]);
    expect(headings).toEqual([
      [1, GREEK_TITLE],
      [1, GREEK_HEADING],
      [2, 'Objectives'],
      [3, 'Method blocks'],
    ]);
    const lists = root.children.filter((n): n is List => n.type === 'list');
    expect(lists.map((l) => [l.ordered, l.start ?? null])).toEqual([
      [false, null],
      [true, 3],
      [false, null],
    ]);
    const nested = lists[0]!.children[0]!.children.find((n): n is List => n.type === 'list');
    expect(nested?.ordered).toBe(true);
    expect(toString(nested!)).toBe('Nested step');
    expect(lists[2]!.children[0]!.checked).toBe(true);

    const tables = root.children.filter((n): n is Table => n.type === 'table');
    const rows = (table: Table) => table.children.map((r) => r.children.map((c) => toString(c)));
    expect(rows(tables[0]!)).toEqual([
      ['Region', 'Measure'],
      [GREEK_CELL, 'Cluster vouchers'],
    ]);
    expect(rows(tables[1]!)[0]).toEqual([
      'Μέτρο',
      'Θεματική προτεραιότητα',
      'Συνάφεια',
      'Custom criterion',
    ]);
    expect(md).toContain('[a link](https://example.org/plan)');
    expect(md).toContain('**bold** *italic*');
    expect(md).toContain('~~removed~~');
    expect(md).not.toContain('javascript:');
    // Text that looks like HTML stays text: escaped, it parses back as no HTML at all.
    expect(JSON.stringify(root)).not.toContain('"type":"html"');
    expect(toString(root)).toContain('<script>alert(1)</script>');
  });
});

describe('PDF', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: tmpdir(),
    SESSION_SECRET: 'x'.repeat(32),
  });
  const printer = new ChromiumPrinter(config.pdfExport, pino({ level: 'silent' }));
  const dir = mkdtempSync(path.join(tmpdir(), 'polisee-export-'));
  afterAll(async () => {
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is tagged, has an outline and carries Greek and Bulgarian in an embedded font', async () => {
    const pdf = await printer.print(renderHtml(buildTree(), 'el'));
    const file = path.join(dir, 'export.pdf');
    writeFileSync(file, pdf);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(GREEK_TITLE);
    expect(text).toContain(GREEK_HEADING);
    expect(text).toContain(BULGARIAN_PARAGRAPH);
    expect(text).toContain(GREEK_CELL);
    // Text, escaped: it is printed, never run.
    expect(text).toContain('<script>alert(1)</script>');

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Outlines');
    // Every font is our embedded Noto Sans: no fallback to whatever the system has.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
    if (process.env.KEEP_EXPORT_PNG) console.log(fonts.join('\n'));
    const used = fonts.filter((line) => line.trim() !== '');
    expect(used.length).toBeGreaterThan(0);
    for (const line of used) {
      expect(line).toMatch(/NotoSans/);
      expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+/);
    }

    // Pages as images, for a look with the eye (KEEP_EXPORT_PNG keeps them).
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(dir, 'page'),
    ]);
    expect(readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
    if (process.env.KEEP_EXPORT_PNG) {
      execFileSync('cp', [
        ...readdirSync(dir)
          .filter((f) => f.endsWith('.png'))
          .map((f) => path.join(dir, f)),
        process.env.KEEP_EXPORT_PNG,
      ]);
    }
  }, 60_000);
});
