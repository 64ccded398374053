import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ChromiumPrinter } from './ChromiumPrinter.js';
import { PDF_FONT_FAMILY, pdfFontFaces } from './pdfFonts.js';

/**
 * The printer keeps its pages warm between PDFs (decision 0060): what each PDF shows must still
 * be only its own HTML, in our font, with no script run and nothing fetched, on the second page
 * printed as on the first.
 */
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), SESSION_SECRET: 'p'.repeat(32) });
const printer = new ChromiumPrinter(
  { ...config.pdfExport, concurrency: 1 },
  pino({ level: 'silent' }),
);
const dir = mkdtempSync(path.join(tmpdir(), 'polisee-printer-'));
/** A server the page might reach if a request got through. */
let bait: Server;
let baitUrl: string;
const baitRequests: string[] = [];

beforeAll(async () => {
  bait = createServer((req, res) => {
    baitRequests.push(req.url ?? '');
    res.end('body{color:red}');
  });
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
  baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await printer.close();
  await new Promise((resolve) => bait.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function page(body: string): string {
  return `<!doctype html><html lang="el"><head><meta charset="utf-8"><style>${pdfFontFaces()}
html { font-family: '${PDF_FONT_FAMILY}'; }</style></head><body>${body}</body></html>`;
}

function read(pdf: Buffer, name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '');
  return { text, fonts };
}

describe('ChromiumPrinter', () => {
  it('prints each PDF with only its own text, in our font, on a reused page', async () => {
    const first = read(await printer.print(page('<h1>Πρώτο έγγραφο</h1><p>Текст</p>')), 'a.pdf');
    const second = read(
      await printer.print(page('<h1>Δεύτερο</h1><p><em>Ορίζοντας</em></p>')),
      'b.pdf',
    );

    expect(first.text).toContain('Πρώτο έγγραφο');
    expect(first.text).toContain('Текст');
    expect(second.text).toContain('Δεύτερο');
    expect(second.text).toContain('Ορίζοντας');
    expect(second.text).not.toContain('Πρώτο');
    // The second page has its fonts from the first one's cache: they are ours all the same.
    for (const { fonts } of [first, second]) {
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/NotoSans/);
    }
    expect(second.fonts.some((line) => /NotoSans-Italic/.test(line))).toBe(true);
  }, 60_000);

  it('runs no script and fetches nothing but our fonts, on a warm page too', async () => {
    const hostile = page(
      `<p id="text">printed as written</p>
<script>document.getElementById('text').textContent = 'script ran';</script>
<link rel="stylesheet" href="${baitUrl}/style.css">
<img src="${baitUrl}/pixel.png" alt="">
<iframe src="${baitUrl}/frame"></iframe>
<style>@font-face { font-family: Bait; src: url(${baitUrl}/font.woff2); }
p { font-family: Bait, '${PDF_FONT_FAMILY}'; background: url(${baitUrl}/bg.png); }</style>`,
    );
    // Twice: once on whatever page is there, once more on the page it left warm.
    for (const name of ['c.pdf', 'd.pdf']) {
      const { text } = read(await printer.print(hostile), name);
      expect(text).toContain('printed as written');
      expect(text).not.toContain('script ran');
    }
    expect(baitRequests).toEqual([]);
  }, 60_000);
});
