import type { Locator, Page } from 'playwright-core';

/** Browser-test actions on a document page, as a user would do them. */

export const editor = (p: Page) => p.locator('[data-testid="document-editor"] [role="textbox"]');

/**
 * Creates a document (workshop notes unless another kind is named, with its kind's template)
 * through the API, as the signed-in user (who must lead a working group), from the page so the
 * session cookie and Origin are the browser's.
 */
export async function createDocument(
  p: Page,
  input: { title: string; priority: string; kind?: string },
): Promise<string> {
  return p.evaluate(async ({ title, priority, kind = 'workshop_notes' }) => {
    const groups = await (await fetch('/api/working-groups')).json();
    const group = groups.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
    const res = await fetch('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title,
        kind,
        workingGroupId: group.id,
        thematicPriorities: [priority],
        language: 'en',
      }),
    });
    return (await res.json()).id as string;
  }, input);
}

/**
 * Opens a document and waits until its text and every panel have arrived. The panels under
 * the text (review, sign-off, activity) move down as what is above them fills in: a click
 * aimed at them before then can land on whatever takes their place.
 */
export async function openDocument(p: Page, documentId: string) {
  await p.goto(`/documents/${documentId}`);
  await p.locator('[data-testid="collab-status"]:not([data-state="connecting"])').waitFor();
  await p.waitForFunction(() => document.querySelector('main .loading') === null);
}

/**
 * Clicks into editable text, as a user does, and waits until the editor has taken the caret
 * the click placed. ProseMirror reads a click's caret on the browser's `selectionchange`, which
 * Chromium queues behind input events: keys sent a few milliseconds after the click were
 * handled at the caret from before it (a fresh page's is at the document's start), so Enter
 * split the title at its start and the text went in front of it.
 */
export async function clickIntoText(target: Locator) {
  await target.click();
  const element = await target.elementHandle();
  await target.page().waitForFunction((clicked) => {
    type View = {
      hasFocus(): boolean;
      posAtDOM(node: Node, offset: number): number;
      state: { selection: { head: number } };
    };
    const root = clicked?.closest('.ProseMirror') as unknown as { editor?: { view: View } };
    const view = root?.editor?.view;
    const caret = document.getSelection();
    if (!view || !caret?.focusNode || !view.hasFocus()) return false;
    return view.posAtDOM(caret.focusNode, caret.focusOffset) === view.state.selection.head;
  }, element);
  await element?.dispose();
}

/** Types a new paragraph after the first heading. */
export async function typeParagraph(p: Page, text: string) {
  await clickIntoText(editor(p).locator('h1, h2').first());
  await p.keyboard.press('End');
  await p.keyboard.press('Enter');
  await p.keyboard.type(text);
}

/** Types a new paragraph and waits until the server has stored it. */
export async function typeParagraphAndSave(p: Page, text: string) {
  await typeParagraph(p, text);
  await p.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
}

/** Selects the first occurrence of `text` in the editor, as a user dragging over it would. */
export async function selectText(p: Page, text: string) {
  await p.evaluate((target) => {
    const root = document.querySelector('[data-testid="document-editor"] [role="textbox"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`${target} not found`);
  }, text);
}
