import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe.js';
import { clickIntoText, createDocument, editor } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/**
 * Who wrote what, in the browser (decision 0069): three people of three organisations of WG1
 * in the demo workspace write one document from three pages — the lead (Greece), a member
 * (Romania) and the steering-committee member (Hungary), whom an administrator first makes a
 * member who writes. Romania's and Hungary's names pick the same colour: the view must still
 * tell them apart.
 */
const WRITERS = [
  { email: 'lead@polisee.test', organisation: 'Region of Central Macedonia', country: 'GR' },
  {
    email: 'member@polisee.test',
    organisation: 'North-East Regional Development Agency',
    country: 'RO',
  },
  { email: 'sc@polisee.test', organisation: 'Pannon Innovation Agency', country: 'HU' },
] as const;
const WORDS = ['Thessalonikiwords', 'Iasiwords', 'Gyorwords'] as const;
/** The workshop notes template's sections, each with a hint and an empty paragraph. */
const SECTIONS = ['Discussion', 'Decisions', 'Outcomes'] as const;
const COUNTRY_NAMES = { GR: 'Greece', RO: 'Romania', HU: 'Hungary' } as const;

/** As an administrator, through the API: `email` becomes a member who writes in WG1. */
async function makeWriterOfStrategyGroup(email: string) {
  const { context, page } = await app.newPage();
  await app.login(page, 'admin@polisee.test');
  const status = await page.evaluate(async (who) => {
    const groups = (await (await fetch('/api/working-groups')).json()).items;
    const group = groups.find((g: { name: string }) => g.name.startsWith('WG1'));
    const users = (await (await fetch('/api/users')).json()).items;
    const user = users.find((u: { email: string }) => u.email === who);
    const res = await fetch(`/api/working-groups/${group.id}/members/${user.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'wg_member' }),
    });
    return res.status;
  }, email);
  expect(status).toBe(200);
  await context.close();
}

/**
 * The editor's text, one entry per character, with the colour of the authorship decoration it
 * sits in (the inset underline's computed colour), or null where it is not decorated. Other
 * people's named carets, drawn into the text, are skipped.
 */
const colouredText = (p: Page) =>
  editor(p).evaluate((root) => {
    const chars: { char: string; colour: string | null }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('.collaboration-carets__caret')) continue;
      const decorated = parent.closest<HTMLElement>('[data-authorship-organisation]');
      // "rgb(185, 28, 28) 0px -2px 0px 0px inset": the underline's colour comes first.
      const colour = decorated
        ? (/rgba?\([^)]*\)/.exec(getComputedStyle(decorated).boxShadow)?.[0] ?? 'none')
        : null;
      for (const char of node.textContent ?? '') chars.push({ char, colour });
    }
    return chars;
  });

/** The colours of the characters of `word` (which must occur once). */
async function coloursOf(p: Page, word: string) {
  const chars = await colouredText(p);
  const text = chars.map((c) => c.char).join('');
  const at = text.indexOf(word);
  expect(at, `"${word}" in ${text}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(word, at + 1)).toBe(-1);
  return new Set(chars.slice(at, at + word.length).map((c) => c.colour));
}

/** RFC 4180 as csv-stringify writes it: quoted fields may hold commas and doubled quotes. */
function readCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  const field = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|\n|$)/y;
  while (field.lastIndex < text.length) {
    const [, raw = '', end] = field.exec(text)!;
    record.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (end !== ',') {
      records.push(record);
      record = [];
    }
  }
  const [header = [], ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('authorship and contributions in the browser', () => {
  it('colours each organisation’s words, lists their shares and counts, and exports them', async () => {
    await makeWriterOfStrategyGroup(WRITERS[2].email);
    const pages = await Promise.all(WRITERS.map(() => app.newPage()));
    for (const [i, w] of WRITERS.entries()) await app.login(pages[i]!.page, w.email);
    const [lead, member, sc] = pages.map((p) => p.page) as [Page, Page, Page];
    const documentId = await createDocument(lead, {
      title: 'Joint regional plan',
      priority: 'innovation',
    });
    for (const p of [lead, member, sc]) await p.goto(`/documents/${documentId}`);

    // Each writes a word of their own into an empty paragraph of the template, in turn (no
    // paragraph split: y-prosemirror writes a split as the moved text re-inserted, 0063).
    for (const [i, p] of [lead, member, sc].entries()) {
      if (i > 0)
        await editor(p)
          .getByText(WORDS[i - 1]!)
          .waitFor();
      await clickIntoText(editor(p).locator(`h2:text-is("${SECTIONS[i]}") + p + p`));
      await p.keyboard.type(WORDS[i]!);
      await p.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
    }
    await editor(lead).getByText(WORDS[2]).waitFor();

    // The lead turns the authorship view on.
    const toggle = lead.getByRole('button', { name: 'Colour by organisation' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    // Each word wholly in one colour, a different one per organisation.
    await expect
      .poll(async () => Promise.all(WORDS.map(async (w) => [...(await coloursOf(lead, w))])), {
        timeout: 20_000,
      })
      .toSatisfy((sets: (string | null)[][]) =>
        sets.every((s) => s.length === 1 && s[0] !== null && s[0] !== 'none'),
      );
    const colours = await Promise.all(WORDS.map(async (w) => [...(await coloursOf(lead, w))][0]!));
    expect(new Set(colours).size).toBe(3);
    // The legend: each organisation with its country, its share of the text, and a swatch of
    // the colour its words carry. Only the typed words are coloured (the template text predates
    // the ledger), so the shares are those of the words' lengths.
    const legend = lead.getByRole('list', { name: 'Organisations that wrote this document' });
    const total = WORDS.reduce((n, w) => n + w.length, 0);
    await expect
      .poll(() => legend.getByRole('listitem').allInnerTexts(), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining(
          WRITERS.map(
            (w, i) =>
              `${w.organisation} (${w.country}) — ${Math.round((WORDS[i]!.length * 100) / total)}% of the text`,
          ),
        ),
      );
    expect(await legend.getByRole('listitem').count()).toBe(3);
    for (const [i, w] of WRITERS.entries()) {
      const swatch = legend
        .getByRole('listitem')
        .filter({ hasText: w.organisation })
        .locator('.authorship-swatch');
      expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colours[i]);
    }

    // The statistics: the three organisations with the characters they wrote.
    const panel = lead.getByRole('region', { name: 'Contributions' });
    const rows = panel.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent).slice(0, 3)),
    );
    expect(shown.sort()).toEqual(
      WRITERS.map((w, i) => [w.organisation, w.country, String(WORDS[i]!.length)]).sort(),
    );
    await expectNoSeriousViolations(lead, 'a document with the authorship view and statistics');

    // The CSV reads back with the same three rows.
    const [download] = await Promise.all([
      lead.waitForEvent('download'),
      panel.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readCsv((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''));
    expect(
      csv.map((r) => [r.organisation, r.country, r.characters_inserted, r.document_id]).sort(),
    ).toEqual(
      WRITERS.map((w, i) => [
        w.organisation,
        w.country,
        String(WORDS[i]!.length),
        documentId,
      ]).sort(),
    );

    for (const p of pages) await p.context.close();
  });

  it('reports the group’s contributions per organisation and per country, with the CSV', async () => {
    // What the first test wrote is WG1's only recorded writing.
    const { context, page } = await app.newPage();
    await app.login(page, 'lead@polisee.test');
    await page.goto('/programme');
    await page.getByRole('link', { name: 'Contributions by organisation' }).click();
    // The page's code arrives with its route: until then the programme view is still shown.
    await page.getByRole('heading', { level: 1, name: 'Contributions by organisation' }).waitFor();
    expect(
      await page
        .getByLabel('Working group', { exact: true })
        .evaluate((el: HTMLSelectElement) => el.selectedOptions[0]!.text),
    ).toMatch(/^WG1/);

    const totals = page.getByTestId('contribution-totals').locator('tbody tr');
    const cells = () =>
      totals.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent).slice(0, 3)),
      );
    await expect
      .poll(cells, { timeout: 10_000 })
      .toEqual(
        [...WRITERS.entries()]
          .map(([i, w]) => [w.organisation, COUNTRY_NAMES[w.country], String(WORDS[i]!.length)])
          .sort((a, b) => Number(b[2]) - Number(a[2]) || a[0]!.localeCompare(b[0]!)),
      );
    expect(await page.getByTestId('contribution-periods').locator('tbody tr').count()).toBe(3);
    await expectNoSeriousViolations(page, 'the contributions report');

    // By country, for the day: the address holds the choice.
    await page.getByLabel('Group by', { exact: true }).selectOption('country');
    await page.getByLabel('Period', { exact: true }).selectOption('day');
    await page.waitForURL(/groupBy=country.*period=day|period=day.*groupBy=country/);
    await expect
      .poll(() => totals.evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent)))
      .toEqual(['Greece', 'Romania', 'Hungary']);
    const today = new Date().toISOString().slice(0, 10);
    // The previous figures stay shown while the day's load.
    await expect
      .poll(() =>
        page.getByTestId('contribution-periods').locator('tbody tr td').first().textContent(),
      )
      .toBe(today);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readCsv((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''));
    expect(csv.map((r) => [r.period, r.country, r.characters_inserted]).sort()).toEqual(
      WRITERS.map((w, i) => [today, w.country, String(WORDS[i]!.length)]).sort(),
    );

    // A date range that ends before today holds nothing.
    await page.getByLabel('To (inclusive)', { exact: true }).fill('2020-01-31');
    await page.getByText('Nothing recorded yet.').waitFor();
    await context.close();
  });
});
