import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickIntoText,
  createDocument,
  editor,
  selectText,
  typeParagraph,
} from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const card = (p: Page, threadId: string) =>
  p.locator(`[data-testid="comments-panel"] [data-thread-id="${threadId}"]`);
/** The words a thread's mark covers, read from the rendered document. */
const highlighted = (p: Page, threadId: string) =>
  p.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-comment-thread="${id}"]`)]
        .map((el) => el.textContent)
        .join(''),
    threadId,
  );

/** Opens a thread's card (a click on an open one would fold it). */
async function openThread(p: Page, threadId: string) {
  const toggle = card(p, threadId).locator('.thread-title button');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe('comment threads in the browser', () => {
  it('A comments on a selection, B replies live with a mention, the anchor follows the text, A resolves, the inbox lists it; an observer replies but cannot type', async () => {
    const a = await app.newPage();
    const b = await app.newPage();
    const observer = await app.newPage();
    await app.login(a.page, 'lead@polisee.test');
    await app.login(b.page, 'member@polisee.test');
    await app.login(observer.page, 'observer@polisee.test');
    const documentId = await createDocument(a.page, {
      title: 'Financing roadmap',
      priority: 'financing',
    });
    for (const { page } of [a, b, observer]) {
      await page.goto(`/documents/${documentId}`);
      await editor(page).locator('h1, h2').first().waitFor();
    }

    // A writes a sentence, selects two words and starts a thread on "Cluster financing".
    await typeParagraph(a.page, 'Regional funds should back cluster financing instruments.');
    await editor(b.page).getByText('cluster financing instruments').waitFor();
    await selectText(a.page, 'cluster financing');
    await a.page.getByTestId('comment-on-selection').click();
    const draft = a.page.getByTestId('new-thread');
    await draft.locator('select[name="priority"]').selectOption('financing');
    await draft.locator('[role="textbox"]').click();
    await a.page.keyboard.type('Which instruments do we mean?');
    await draft.locator('button[type="submit"]').click();
    const threadCard = a.page.locator('[data-testid="comments-panel"] [data-thread-id]').first();
    await threadCard.waitFor();
    const threadId = (await threadCard.getAttribute('data-thread-id'))!;
    expect(await threadCard.getAttribute('data-priority')).toBe('financing');
    await expect.poll(() => highlighted(a.page, threadId)).toBe('cluster financing');

    // B sees it live, opens it and replies mentioning A.
    await card(b.page, threadId).waitFor();
    await expect.poll(() => highlighted(b.page, threadId)).toBe('cluster financing');
    await openThread(b.page, threadId);
    const reply = card(b.page, threadId)
      .getByTestId('comment-composer')
      .locator('[role="textbox"]');
    await reply.click();
    await b.page.keyboard.type('Please check, @Ele');
    await b.page.locator('[role="option"]').filter({ hasText: 'Eleni' }).first().waitFor();
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.type(' thanks');
    await card(b.page, threadId)
      .getByTestId('comment-composer')
      .locator('button[type="submit"]')
      .click();
    await card(b.page, threadId).locator('.thread-message').nth(1).waitFor();
    expect(
      await card(b.page, threadId).locator('.thread-message .mention').first().textContent(),
    ).toBe('@Eleni Papadopoulou');

    // A is notified, live.
    await a.page.locator('[data-testid="notification-count"]').filter({ hasText: '1' }).waitFor();

    // B types before the anchor: the highlight still covers the same words, on both sides.
    await clickIntoText(editor(b.page).getByText('Regional funds'));
    await b.page.keyboard.press('Home');
    await b.page.keyboard.type('Urgent: ');
    // (Text, not getByText: B's named caret sits between the words on A's page.)
    await expect.poll(() => editor(a.page).textContent()).toContain('Urgent:');
    await expect.poll(() => highlighted(a.page, threadId)).toBe('cluster financing');
    await expect.poll(() => highlighted(b.page, threadId)).toBe('cluster financing');

    // A resolves; B sees it resolved.
    await openThread(a.page, threadId);
    await card(a.page, threadId).getByTestId('thread-toggle-status').click();
    await card(b.page, threadId).and(b.page.locator('[data-status="resolved"]')).waitFor();

    // The financing inbox lists it among the resolved threads.
    await a.page.goto('/inbox/financing?status=resolved');
    await a.page.locator(`[data-thread-id="${threadId}"]`).waitFor();

    // The observer replies, but the document does not take their typing.
    await observer.page.goto(`/documents/${documentId}?thread=${threadId}`);
    const observerCard = card(observer.page, threadId);
    await observerCard.getByTestId('comment-composer').locator('[role="textbox"]').click();
    await observer.page.keyboard.type('Observer agrees.');
    await observerCard.getByTestId('comment-composer').locator('button[type="submit"]').click();
    await observerCard.locator('.thread-message').getByText('Observer agrees.').waitFor();
    expect(await editor(observer.page).getAttribute('contenteditable')).toBe('false');
    const before = await editor(observer.page).textContent();
    await editor(observer.page).getByText('Regional funds').click();
    await observer.page.keyboard.type('typed by observer');
    expect(await editor(observer.page).textContent()).toBe(before);
    await card(b.page, threadId).locator('.thread-message').getByText('Observer agrees.').waitFor();

    for (const p of [a, b, observer]) await p.context.close();
  });
});
