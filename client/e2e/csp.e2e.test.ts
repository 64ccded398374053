import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, selectText, typeParagraphAndSave } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

interface Violation {
  directive: string;
  blocked: string;
  page: string;
}

/**
 * Watches a context for anything the Content Security Policy refused: `securitypolicyviolation`
 * events in every document, and Chromium's "Refused to …" console messages (which also cover
 * what the event does not, such as a refused websocket). It also records every page document
 * that arrived without a policy, so that a server without one cannot pass for a clean run.
 */
async function watchPolicy(context: BrowserContext, page: Page) {
  const violations: Violation[] = [];
  const consoleMessages: string[] = [];
  const documentsWithoutPolicy: string[] = [];
  await context.exposeBinding('__reportViolation', ({ page: from }, v: Violation) => {
    violations.push({ ...v, page: from.url() });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportViolation(v: unknown): void })
        .__reportViolation;
      report({ directive: e.effectiveDirective, blocked: e.blockedURI });
    });
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) consoleMessages.push(message.text());
  });
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'document' || request.frame() !== page.mainFrame()) return;
    const csp = response.headers()['content-security-policy'] ?? '';
    if (!csp.includes("script-src 'self'")) documentsWithoutPolicy.push(response.url());
  });
  return { violations, consoleMessages, documentsWithoutPolicy };
}

type Watch = Awaited<ReturnType<typeof watchPolicy>>;

/** Loads a page and waits until it has rendered and stopped fetching (lazy chunks included). */
async function visit(page: Page, path: string, ready: string) {
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

function expectClean(watch: Watch) {
  expect(watch.documentsWithoutPolicy).toEqual([]);
  expect(watch.violations).toEqual([]);
  expect(watch.consoleMessages).toEqual([]);
}

describe('the Content Security Policy in the browser', () => {
  it('enforces the policy, and no page of the app trips it', async () => {
    // Signed out: the login page and an invitation link.
    const admin = await app.newPage();
    await app.login(admin.page, 'admin@polisee.test');
    const orgs = (await (await admin.page.request.get('/api/organisations')).json()) as {
      items: { id: string }[];
    };
    const invitation = await admin.page.request.post('/api/invitations', {
      data: { email: 'csp.reader@example.test', organisationId: orgs.items[0]!.id },
      headers: { origin: app.baseUrl },
    });
    const { acceptPath } = (await invitation.json()) as { acceptPath: string };

    const guest = await app.newPage();
    const guestWatch = await watchPolicy(guest.context, guest.page);
    await visit(guest.page, '/login', 'input[name="email"]');
    await visit(guest.page, acceptPath, 'input[name="password"]');
    expectClean(guestWatch);

    // The watch is live and the policy is enforced: an injected inline script is refused and
    // reported. Without a policy it would run, and this test would fail here.
    const ran = await guest.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    await expect
      .poll(() => guestWatch.violations.map((v) => v.directive))
      .toContain('script-src-elem');

    // A working-group lead: the document pages, with live editing over the collaboration
    // websocket, a version shown read-only, a comparison and a comment composer.
    const lead = await app.newPage();
    const leadWatch = await watchPolicy(lead.context, lead.page);
    await app.login(lead.page, 'lead@polisee.test');
    const documentId = await createDocument(lead.page, {
      title: 'Policy check',
      priority: 'skills',
    });
    const groups = (await (await lead.page.request.get('/api/working-groups')).json()) as {
      items: { id: string }[];
    };
    for (const [path, ready] of [
      ['/', 'main h1'],
      ['/documents', 'main h1'],
      ['/documents/new', 'main h1'],
      ['/inbox', 'main h1'],
      ['/inbox/skills', 'main h1'],
      ['/notifications', 'main h1'],
      ['/working-groups', 'main h1'],
      [`/working-groups/${groups.items[0]!.id}`, 'main h1'],
      ['/settings', 'main h1'],
      ['/no-such-page', 'main h1'],
      [`/documents/${documentId}/published`, 'main nav'],
    ] as const) {
      await visit(lead.page, path, ready);
    }

    await visit(
      lead.page,
      `/documents/${documentId}`,
      '[data-testid="document-editor"] [role="textbox"]',
    );
    await typeParagraphAndSave(lead.page, 'Nothing here should be refused.');
    await selectText(lead.page, 'refused');
    await lead.page.getByTestId('comment-on-selection').click();
    await lead.page.getByTestId('new-thread').locator('[role="textbox"]').click();
    await lead.page.keyboard.type('Agreed.');
    await lead.page.getByTestId('new-thread').locator('button[type="submit"]').click();
    await lead.page.locator('[data-testid="comments-panel"] [data-thread-id]').first().waitFor();

    await lead.page.getByTestId('open-history').click();
    await lead.page.locator('input[name="versionName"]').fill('Checked');
    await lead.page.getByTestId('save-version-form').locator('button[type="submit"]').click();
    const version = lead.page.locator('[data-version-kind="named"]').filter({ hasText: 'Checked' });
    await version.getByRole('button', { name: 'Compare with now' }).click();
    await lead.page.getByTestId('diff-document').waitFor();
    await version.getByRole('button', { name: 'View' }).click();
    await lead.page.getByTestId('version-document').waitFor();
    await lead.page.waitForLoadState('networkidle');
    expectClean(leadWatch);

    // An administrator: the admin page.
    const adminWatch = await watchPolicy(admin.context, admin.page);
    await visit(admin.page, '/admin', 'main h1');
    expectClean(adminWatch);

    for (const p of [admin, guest, lead]) await p.context.close();
  });
});
