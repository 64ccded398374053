import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, editor, openDocument, selectText } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** What a page shows as pending suggestions: each one's kind and text, in document order. */
const shownSuggestions = (p: Page) =>
  editor(p).evaluate((root) => {
    // Without the other people's named carets, which may sit inside a suggestion.
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return [...copy.querySelectorAll('ins[data-suggestion-id], del[data-suggestion-id]')].map(
      (el) => `${el.tagName.toLowerCase()}:${el.textContent}`,
    );
  });
/** The document's text without the other people's named carets drawn into it. */
const text = (p: Page) =>
  editor(p).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent;
  });

/** The text of the caret's block before the caret, as the editor has read it. */
const textBeforeCaret = (p: Page) =>
  p.evaluate(() => {
    type View = {
      state: {
        selection: { head: number; $head: { start(): number } };
        doc: { textBetween(from: number, to: number): string };
      };
    };
    const element = document.querySelector('[data-testid="document-editor"] .ProseMirror');
    const { state } = (element as unknown as { editor: { view: View } }).editor.view;
    const { head, $head } = state.selection;
    return state.doc.textBetween($head.start(), head);
  });

/**
 * Puts the caret in the first block whose text starts with `blockText`, `offset` characters in
 * (or at its end), through the editor, and focuses it. Clicks here landed in another block
 * now and then, aimed at coordinates while the page still moved (a status line appearing, a
 * collaborator's caret label); see also `clickIntoText` on keys sent right after a click. The
 * typing these tests check is aimed where they mean it, and stays typed by keys.
 */
async function placeCaret(p: Page, blockText: string, offset: number | 'end' = 'end') {
  await p.evaluate(
    ({ blockText, offset }) => {
      type Node = { isTextblock: boolean; textContent: string; content: { size: number } };
      type Editor = {
        state: { doc: { descendants(f: (n: Node, pos: number) => boolean | void): void } };
        chain(): { setTextSelection(pos: number): { focus(): { run(): boolean } } };
      };
      const element = document.querySelector('[data-testid="document-editor"] .ProseMirror');
      const { editor } = element as unknown as { editor: Editor };
      let target: number | null = null;
      editor.state.doc.descendants((node, pos) => {
        if (target !== null) return false;
        if (!node.isTextblock || !node.textContent.startsWith(blockText)) return;
        target = pos + 1 + (offset === 'end' ? node.content.size : offset);
        return false;
      });
      if (target === null) throw new Error(`no block starts with ${blockText}`);
      editor.chain().setTextSelection(target).focus().run();
    },
    { blockText, offset },
  );
  // The editor takes the focus on the next frame: keys sent before then would go elsewhere.
  await p.waitForFunction(() =>
    document.activeElement?.matches('[data-testid="document-editor"] .ProseMirror'),
  );
}

/** Types a new paragraph after the block that starts with `after`, and waits until it is stored. */
async function typeParagraphAfter(p: Page, after: string, text: string) {
  await placeCaret(p, after);
  await p.keyboard.press('Enter');
  await p.keyboard.type(text);
  await p.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
}

/**
 * The writer opens the document and types a paragraph after the block that starts with
 * `after`; then the reader opens it and sees that paragraph.
 */
async function writeThenRead(
  writer: Page,
  reader: Page,
  documentId: string,
  after: string,
  paragraph: string,
) {
  await openDocument(writer, documentId);
  await typeParagraphAfter(writer, after, paragraph);
  await openDocument(reader, documentId);
  await editor(reader).getByText(paragraph).waitFor();
}

describe('suggestion mode in the browser', () => {
  it('offline suggestions merge on reconnect, show their author, and are accepted or rejected', async () => {
    const a = await app.newPage();
    const b = await app.newPage();
    await app.login(a.page, 'member@polisee.test');
    await app.login(b.page, 'lead@polisee.test');
    const documentId = await createDocument(b.page, {
      title: 'Suggestions live and offline',
      priority: 'innovation',
    });

    // A syncs once (the device keeps a copy), then A's collaboration socket is cut.
    let blocked = false;
    const routes: { close(options?: { code?: number }): Promise<void> }[] = [];
    await a.page.routeWebSocket(/\/collab\//, (ws) => {
      if (blocked) return void ws.close({ code: 1006 });
      ws.connectToServer();
      routes.push(ws);
    });
    await writeThenRead(
      b.page,
      a.page,
      documentId,
      'Suggestions live and offline',
      'Clusters grow together quickly.',
    );
    blocked = true;
    await Promise.all(routes.map((r) => r.close({ code: 1006 })));
    await a.page.locator('[data-testid="collab-status"][data-state="offline"]').waitFor();

    // A suggests, offline: a word inserted, another deleted.
    const toggle = a.page.getByRole('button', { name: 'Suggest changes' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // By keys, as a person types, after "Clusters grow"; then "quickly" selected and deleted.
    await placeCaret(a.page, 'Clusters grow together quickly.', 'Clusters grow'.length);
    await expect.poll(() => textBeforeCaret(a.page)).toBe('Clusters grow');
    await a.page.keyboard.type(' fast');
    await selectText(a.page, 'quickly');
    // The editor has taken the selection once it offers to comment on it.
    await a.page.locator('[data-testid="comment-on-selection"]').waitFor();
    await a.page.keyboard.press('Backspace');
    expect(await shownSuggestions(a.page)).toEqual(['ins: fast', 'del:quickly']);
    expect(await text(a.page)).toContain('Clusters grow fast together quickly.');

    // B edits live meanwhile, directly.
    await placeCaret(b.page, 'Clusters grow together quickly.', 0);
    await b.page.keyboard.type('Regional ');
    await b.page.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();

    // Reconnect: both pages hold the same text and show the same suggestions.
    blocked = false;
    await editor(a.page).getByText('Regional', { exact: false }).waitFor({ timeout: 20_000 });
    await editor(b.page).locator('del[data-suggestion-id]').waitFor({ timeout: 20_000 });
    await a.page
      .locator('[data-testid="collab-status"][data-state="saved"]')
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => text(b.page)).toBe(await text(a.page));
    expect(await text(b.page)).toContain('Regional Clusters grow fast together quickly.');
    expect(await shownSuggestions(b.page)).toEqual(['ins: fast', 'del:quickly']);
    expect(await shownSuggestions(a.page)).toEqual(['ins: fast', 'del:quickly']);
    // A's own text stayed direct for B's, and A's suggestions name A on B's page.
    const byA = editor(b.page).locator('ins[data-suggestion-id] .suggestion-by');
    expect(await byA.getAttribute('title')).toMatch(/^Mihai Popescu \(.+\), /);

    // B sees them as cards, accepts the insertion and rejects the deletion.
    const cards = b.page.locator('[data-testid="suggestion-card"]');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.first().innerText()).toContain('Mihai Popescu');
    await b.page
      .locator(
        '[data-testid="suggestion-card"][data-kind="insert"] [data-testid="suggestion-card-accept"]',
      )
      .click();
    await b.page
      .locator(
        '[data-testid="suggestion-card"][data-kind="delete"] [data-testid="suggestion-card-reject"]',
      )
      .click();

    // The result, on both pages: the word kept, the other kept too, nothing pending.
    for (const p of [a.page, b.page]) {
      await expect.poll(() => shownSuggestions(p), { timeout: 20_000 }).toEqual([]);
      await expect
        .poll(() => text(p), { timeout: 20_000 })
        .toContain('Regional Clusters grow fast together quickly.');
    }
    expect(await cards.count()).toBe(0);
    for (const p of [a, b]) await p.context.close();
  });

  it('holds a suggest-only member to suggestions, and says why when a direct edit is refused', async () => {
    const a = await app.newPage();
    const b = await app.newPage();
    // The STC member of the lead's group (the seeded workspace): suggest-only on a draft.
    await app.login(a.page, 'stc@polisee.test');
    await app.login(b.page, 'lead@polisee.test');
    const documentId = await createDocument(b.page, {
      title: 'Suggest-only on a draft',
      priority: 'skills',
    });
    const collabSockets: string[] = [];
    a.page.on('websocket', (ws) => {
      if (ws.url().includes('/collab/')) collabSockets.push(ws.url());
    });
    await writeThenRead(
      b.page,
      a.page,
      documentId,
      'Suggest-only on a draft',
      'The committee reads this.',
    );

    // Suggestion mode is on, cannot be turned off, and the toolbar says why.
    const toggle = a.page.getByRole('button', { name: /^Suggest: always on/ });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.getAttribute('aria-disabled')).toBe('true');
    // Clicked anyway (Playwright itself holds back from an aria-disabled button): still on.
    await toggle.click({ force: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await a.page.getByTestId('suggest-only-note').innerText()).toBe(
      'You can suggest changes; the group’s editors accept them.',
    );

    // A's typing is a suggestion, which B sees.
    await placeCaret(a.page, 'The committee reads this.');
    expect(await textBeforeCaret(a.page)).toBe('The committee reads this.');
    await a.page.keyboard.type(' Gladly.');
    await a.page.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
    await expect
      .poll(() => shownSuggestions(b.page), { timeout: 20_000 })
      .toEqual(['ins: Gladly.']);

    // Enter in the middle of the text would move its tail: refused in the editor, with the note.
    await placeCaret(a.page, 'The committee reads this.', 'The committee'.length);
    expect(await textBeforeCaret(a.page)).toBe('The committee');
    await a.page.keyboard.press('Enter');
    await expect
      .poll(() => a.page.getByTestId('suggestion-refused').innerText())
      .toContain('a paragraph can be split only at its end');
    expect(await text(a.page)).toContain('The committee reads this. Gladly.');

    // A direct edit forced past the editor's suggestion mode (TipTap's dispatch chain): the
    // state is replaced, and the Yjs binding sends the change as it is.
    const connections = collabSockets.length;
    await a.page.evaluate(() => {
      type View = {
        state: {
          tr: { insertText(text: string, from: number): unknown };
          apply(tr: unknown): unknown;
        };
        updateState(state: unknown): void;
      };
      const element = document.querySelector('[data-testid="document-editor"] .ProseMirror');
      const { view } = (element as unknown as { editor: { view: View } }).editor;
      view.updateState(view.state.apply(view.state.tr.insertText('Forced words. ', 1)));
    });
    const alert = a.page.getByRole('alert').filter({ hasText: 'not as a suggestion' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain('Nothing of it reached the others.');
    await a.page.locator('[data-testid="collab-status"][data-state="closed"]').waitFor();

    // Nothing of it reached B or the server's stored text, and A does not retry on its own.
    const stored = async () =>
      (await b.page.request.get(`/api/documents/${documentId}/export?format=md`)).text();
    await expect.poll(stored).toContain('Gladly.');
    expect(await stored()).not.toContain('Forced words.');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(collabSockets.length).toBe(connections);
    expect(await text(b.page)).not.toContain('Forced words.');
    expect(await text(b.page)).toContain('The committee reads this. Gladly.');

    // Reconnecting starts from the shared text: the suggestion is there, the forced edit is not.
    await alert.getByRole('button', { name: 'Reconnect' }).click();
    await alert.waitFor({ state: 'detached' });
    await a.page.locator('[data-testid="collab-status"][data-state="connected"]').waitFor();
    await expect
      .poll(() => text(a.page), { timeout: 20_000 })
      .toContain('The committee reads this. Gladly.');
    expect(await text(a.page)).not.toContain('Forced words.');
    expect(collabSockets.length).toBe(connections + 1);
    expect(await shownSuggestions(a.page)).toEqual(['ins: Gladly.']);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    for (const p of [a, b]) await p.context.close();
  });

  it('lets the lead hold a member to suggestions on one document, which the member sees at once', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    const documentId = await createDocument(lead.page, {
      title: 'A negotiated paragraph',
      priority: 'financing',
    });
    await writeThenRead(
      lead.page,
      member.page,
      documentId,
      'A negotiated paragraph',
      'Each partner funds its own pilots.',
    );
    // An editor of the group: not held yet.
    expect(await member.page.getByTestId('suggest-only-note').count()).toBe(0);

    await lead.page.getByRole('button', { name: 'Who may only suggest' }).click();
    const form = lead.page.getByTestId('suggest-only-form');
    await form.getByRole('checkbox', { name: /Mihai Popescu/ }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await lead.page.getByTestId('document-suggest-only').innerText()).toContain(
      'Mihai Popescu',
    );

    await member.page.getByTestId('suggest-only-note').waitFor();
    const toggle = member.page.getByRole('button', { name: /^Suggest: always on/ });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // The member may no longer rename the document either.
    expect(await member.page.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    await lead.context.close();
    await member.context.close();
  });
});
