import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, editor } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

/**
 * Export from the browser (issue 17, decision 0060): the dialog on the document page and on a
 * version in the history, the file arriving as a download under the title's name, and what is
 * in it read back with the tools a reader would use (the text, `unzip`, `pdftotext`).
 */
let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

// A colon is refused by file systems: the name keeps the Greek and drops it.
const TITLE = 'Σχέδιο εξαγωγής: Πιλότος';
const FILE_BASE = 'Σχέδιο εξαγωγής Πιλότος';

/** Opens the dialog, picks a format and exports; the download as it arrived. */
async function exportAs(page: Page, format: string) {
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  // The dialog closes once the file is handed over.
  await dialog.waitFor({ state: 'detached' });
  const file = await download.path();
  return { name: download.suggestedFilename(), file, bytes: readFileSync(file) };
}

describe('export in the browser', () => {
  it('downloads Markdown and DOCX of the document and a PDF of a version', async () => {
    const lead = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    const documentId = await createDocument(lead.page, { title: TITLE, priority: 'innovation' });
    const version = await lead.page.evaluate(async (id) => {
      const res = await fetch(`/api/documents/${id}/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'For partners' }),
      });
      return (await res.json()) as { id: string; number: number };
    }, documentId);

    const member = await app.newPage();
    await app.login(member.page, 'member@polisee.test');
    await member.page.goto(`/documents/${documentId}`);
    // The template's first heading, as the member sees it in the editor.
    const heading = (await editor(member.page).locator('h1, h2').first().textContent())!.trim();
    expect(heading).not.toBe('');

    const md = await exportAs(member.page, 'Markdown text');
    expect(md.name).toBe(`${FILE_BASE}.md`);
    const text = md.bytes.toString('utf8');
    expect(text.startsWith(`# ${TITLE}\n`)).toBe(true);
    expect(text).toContain(heading);

    const docx = await exportAs(member.page, 'Word document (DOCX)');
    expect(docx.name).toBe(`${FILE_BASE}.docx`);
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = execFileSync('unzip', ['-p', docx.file, 'word/document.xml'], {
      encoding: 'utf8',
    });
    expect(xml).toContain(TITLE);
    expect(xml).toContain(heading);

    // A version, from the history page: its number in the dialog's title and in the file name.
    await member.page.goto(`/documents/${documentId}/history?view=${version.id}`);
    await member.page.getByTestId('export-open').click();
    await member.page
      .getByTestId('export-dialog')
      .getByRole('heading', { name: `Export version ${version.number}` })
      .waitFor();
    await member.page.getByTestId('export-dialog').getByRole('button', { name: 'Cancel' }).click();
    const pdf = await exportAs(member.page, 'PDF document');
    expect(pdf.name).toBe(`${FILE_BASE} v${version.number}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], {
      encoding: 'utf8',
    });
    expect(printed).toContain(TITLE);
    expect(printed).toContain(heading);

    for (const p of [lead, member]) await p.context.close();
  }, 120_000);
});
