import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe.js';
import { createDocument } from './documentActions.js';
import { DEMO_PASSWORD, startApp, type AppUnderTest } from './harness.js';
import { expectFocusOn, tabTo } from './keyboard.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const EDITOR = '[data-testid="document-editor"] [role="textbox"]';

describe('keyboard only', () => {
  it('signs in, opens a document, comments on selected text, replies and resolves, focus always visible', async () => {
    // Setup through the API (not the subject here): a document the lead can open.
    const setup = await app.newPage();
    await app.login(setup.page, 'lead@polisee.test');
    const documentId = await createDocument(setup.page, {
      title: 'Keyboard plan',
      priority: 'skills',
    });
    await setup.context.close();

    const { context, page } = await app.newPage();
    const keys = page.keyboard;

    // Sign in.
    await page.goto('/login');
    await page.locator('input[name="email"]').waitFor();
    await tabTo(page, 'input[name="email"]');
    await keys.type('lead@polisee.test');
    await tabTo(page, 'input[name="password"]');
    await keys.type(DEMO_PASSWORD);
    await keys.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // Open the document from the catalogue.
    await page.locator('h1').first().waitFor();
    await tabTo(page, 'nav a[href="/documents"]');
    await keys.press('Enter');
    await page.waitForURL((url) => url.pathname === '/documents');
    await page.locator(`table a[data-document-id="${documentId}"]`).first().waitFor();
    await tabTo(page, `table a[data-document-id="${documentId}"]`, { max: 200 });
    await keys.press('Enter');
    await page.waitForURL((url) => url.pathname === `/documents/${documentId}`);

    // Write a sentence at the end and select it.
    await page.locator(`${EDITOR} h1, ${EDITOR} h2`).first().waitFor();
    await tabTo(page, EDITOR);
    await keys.press('Control+End');
    await keys.press('Enter');
    await keys.type('Apprenticeships need regional partners.');
    await page.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
    await keys.press('Shift+Home');

    // The selection menu advertises its key (it sits behind the text in the tab order).
    const menu = page.getByTestId('comment-on-selection');
    await menu.waitFor();
    expect(await menu.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+M');
    await keys.press('Control+Alt+M');
    const draft = page.getByTestId('new-thread');
    await draft.waitFor();
    await expectFocusOn(page, '[data-testid="new-thread"] [role="textbox"]');
    await keys.type('Which partners?');
    await tabTo(page, '[data-testid="new-thread"] button[type="submit"]');
    await keys.press('Enter');

    // The new thread takes focus, open; reply in it, then resolve it.
    const card = page.locator('[data-testid="comments-panel"] [data-thread-id]').first();
    await card.waitFor();
    const threadId = (await card.getAttribute('data-thread-id'))!;
    const thread = `[data-thread-id="${threadId}"]`;
    await draft.waitFor({ state: 'detached' });
    await expectFocusOn(page, `${thread} .thread-title button[aria-expanded="true"]`);
    await tabTo(page, `${thread} [data-testid="comment-composer"] [role="textbox"]`);
    await keys.type('Chambers of commerce, to start with.');
    await tabTo(page, `${thread} [data-testid="comment-composer"] button[type="submit"]`);
    await keys.press('Enter');
    await page.locator(`${thread} .thread-message`).nth(1).waitFor();
    expect(await page.locator(`${thread} .thread-message`).nth(1).textContent()).toContain(
      'Chambers of commerce, to start with.',
    );
    await expectFocusOn(page, `${thread} [data-testid="comment-composer"] [role="textbox"]`);
    await tabTo(page, `${thread} [data-testid="thread-toggle-status"]`);
    await keys.press('Enter');
    await page.locator(`${thread}[data-status="resolved"]`).waitFor();
    await expectFocusOn(page, `${thread} [data-testid="thread-toggle-status"]`);
    await expectNoSeriousViolations(page, 'the document after a keyboard-only thread');

    await context.close();
  });
});
