import type { SearchResponse } from '@polisee/contracts';
import { normaliseForSearch } from '@polisee/domain';
import type { Editor } from '@tiptap/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe.js';
import { createDocument } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const GREEK_FORESIGHT = 'Άσκηση προοπτικής';
/** A title only the financing group may read, with the word the member searches for. */
const FINANCING_TITLE = 'Χρηματοδοτική πολιτική των συνεργατικών σχηματισμών';

/** The search API as the signed-in page sees it (everything it may read, one page of 50). */
function searchApi(page: Page, q: string): Promise<SearchResponse> {
  return page.evaluate(async (query) => {
    const res = await fetch(`/api/search?q=${encodeURIComponent(query)}&limit=50`);
    if (!res.ok) throw new Error(`search → ${res.status}`);
    return res.json();
  }, q);
}

/** Until the index answers `q` with a hit whose title starts with `title` (indexing is debounced). */
async function waitForHit(page: Page, q: string, title: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = (await searchApi(page, q)).items.find((i) => i.title.startsWith(title));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`"${title}" never found for "${q}"`);
    await page.waitForTimeout(300);
  }
}

describe('search in the browser', () => {
  it('finds a Greek document without accents, filters it, opens it at the match, and never shows another group’s document', async () => {
    // The financing lead writes about "πολιτική" in a group the member does not belong to.
    const financing = await app.newPage();
    await app.login(financing.page, 'lead.financing@polisee.test');
    const hiddenId = await createDocument(financing.page, {
      title: FINANCING_TITLE,
      priority: 'internationalisation',
    });
    // Once the financing lead finds it, it is indexed: the member not finding it is the policy.
    await waitForHit(financing.page, 'πολιτικη', FINANCING_TITLE);

    const { page } = await app.newPage();
    await app.login(page, 'member@polisee.test');
    await waitForHit(page, 'πολιτικη', GREEK_FORESIGHT);

    // Type-ahead in the header: a combobox whose list suggests the exercise as one types.
    const box = page.getByRole('combobox', { name: 'Search' });
    await box.fill('πολιτικη');
    const suggestion = page.getByRole('option', { name: new RegExp(GREEK_FORESIGHT) });
    await suggestion.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('option', { name: new RegExp(FINANCING_TITLE) }).count()).toBe(0);

    // The arrow keys move the active option while focus stays in the box.
    await box.press('ArrowDown');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
    await expectNoSeriousViolations(page, 'the header search with its suggestions');
    // Escape closes the list; Enter then opens the results page, with the query in the address.
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    expect(await box.inputValue()).toBe('πολιτικη');
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('πολιτικη');
    const results = page.getByTestId('search-result');
    const exercise = results.filter({ hasText: GREEK_FORESIGHT });
    await exercise.waitFor();
    expect(await results.filter({ hasText: FINANCING_TITLE }).count()).toBe(0);
    // The count is announced, and the snippet marks the accented word the unaccented query found.
    const total = page.getByTestId('search-total');
    expect(await total.getAttribute('aria-live')).toBe('polite');
    expect(await total.textContent()).toMatch(/\d+ results? for “πολιτικη”/);
    const marks = await exercise.locator('.search-snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(normaliseForSearch(mark).startsWith('πολιτικ')).toBe(true);

    // Filtering by a priority the exercise carries keeps it; the filter is in the address and
    // survives a reload.
    const internationalisation = page.getByRole('checkbox', { name: /Internationalisation/ });
    // A click, not `check()`: the box follows the address, which the router updates in a
    // transition, a moment after the click.
    await internationalisation.click();
    await page.waitForURL((url) => url.searchParams.get('priority') === 'internationalisation');
    await exercise.waitFor();
    await page.reload();
    await exercise.waitFor();
    expect(await internationalisation.isChecked()).toBe(true);
    expect(await results.filter({ hasText: FINANCING_TITLE }).count()).toBe(0);

    await expectNoSeriousViolations(page, 'the search results');

    // The API agrees: nothing of the financing group reaches the member, in hits or in counts.
    const answer = await searchApi(page, 'πολιτικη');
    expect(answer.items.some((i) => i.documentId === hiddenId)).toBe(false);
    const mine = await page.evaluate(async () => {
      const groups = await (await fetch('/api/working-groups')).json();
      return (groups.items as { id: string; myRole: string | null }[])
        .filter((g) => g.myRole)
        .map((g) => g.id);
    });
    expect(answer.facets.workingGroup?.length).toBeGreaterThan(0);
    for (const { value } of answer.facets.workingGroup ?? []) expect(mine).toContain(value);

    // The hit opens the document at the match: the word is marked, selected and in view.
    await exercise.getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/documents/'));
    const find = new URL(page.url()).searchParams.get('find')!;
    expect(normaliseForSearch(find).startsWith('πολιτικ')).toBe(true);
    const match = page.locator('[data-testid="document-editor"] mark.search-match');
    await match.waitFor();
    expect(await match.textContent()).toBe(find);
    // The editor's selection is the match (TipTap hangs the editor on its element).
    const selected = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="document-editor"] .ProseMirror');
      const { state } = (element as unknown as { editor: Editor }).editor;
      return state.doc.textBetween(state.selection.from, state.selection.to);
    });
    expect(selected).toBe(find);
    const matchBox = await match.boundingBox();
    const viewport = page.viewportSize()!;
    expect(matchBox && matchBox.y >= 0 && matchBox.y + matchBox.height <= viewport.height).toBe(
      true,
    );
  });
});
