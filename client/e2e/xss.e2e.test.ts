import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectText, typeParagraph } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp({
    // The corpus is posted in one go, far faster than a person writes: the write limits are
    // another test's subject (server/src/security/writeLimits.test.ts).
    env: { THREAD_RATE_LIMIT: '1000', MESSAGE_RATE_LIMIT: '1000' },
  });
});
afterAll(() => app?.stop());

/**
 * Payloads that would run script if any of them were parsed as markup or followed as a link.
 * Each one, if it ran, sets `window.__xss` or opens a dialog; the test watches for both.
 */
const CORPUS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"><circle r="1"/></svg>',
  '<svg><script>window.__xss = "svg-script"</script></svg>',
  '"><iframe src="javascript:window.top.__xss = \'iframe\'"></iframe>',
  '<a href="javascript:window.__xss = \'link\'">click me</a>',
  'javascript:window.__xss = "bare"',
  '[markdown](javascript:window.__xss = "md")',
  '<div style="background:url(javascript:window.__xss=1)" onmouseover="window.__xss = \'hover\'">hover</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=\'mxss\'">',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
];

async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** Watches a page for any sign that a payload ran. */
function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    dialogs,
    ran: () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null),
  };
}

describe('hostile text in comments, quotes and names', () => {
  it('renders every payload as text and runs none of them', async () => {
    const attacker = await app.newPage();
    const reader = await app.newPage();
    await app.login(attacker.page, 'member@polisee.test');
    await app.login(reader.page, 'lead@polisee.test');

    // A hostile display name, document title and document text.
    const payloadName = '<img src=x onerror="window.__xss=\'name\'">Mihai';
    expect((await api(attacker.page, 'PATCH', '/api/me', { name: payloadName })).status).toBe(200);
    const groups = await api(attacker.page, 'GET', '/api/working-groups');
    const group = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_member');
    const doc = await api(attacker.page, 'POST', '/api/documents', {
      title: '<script>window.__xss="title"</script>Plan',
      kind: 'workshop_notes',
      workingGroupId: group.id,
      thematicPriorities: ['financing'],
      language: 'en',
    });
    const documentId = doc.body.id as string;
    const leadId = (
      await api(attacker.page, 'GET', `/api/documents/${documentId}/mentionable`)
    ).body.items.find((p: { name: string }) => p.name.startsWith('Eleni')).id;

    // Every payload as a thread, a reply and a mention notification for the reader.
    for (const payload of CORPUS) {
      const thread = await api(attacker.page, 'POST', `/api/documents/${documentId}/threads`, {
        priority: 'financing',
        body: `${payload} @Eleni Papadopoulou`,
        mentions: [leadId],
      });
      expect(thread.status).toBe(201);
      expect(thread.body.messages[0].body).toContain(payload.slice(0, 8));
      await api(attacker.page, 'POST', `/api/threads/${thread.body.id}/messages`, {
        body: payload,
      });
    }

    // A thread anchored on hostile text typed into the document: its quote is that text.
    const attackerWatch = watch(attacker.page);
    await attacker.page.goto(`/documents/${documentId}`);
    const typed = '<img src=x onerror="window.__xss=\'quote\'">';
    await typeParagraph(attacker.page, typed);
    await selectText(attacker.page, typed);
    await attacker.page.getByTestId('comment-on-selection').click();
    await attacker.page.getByTestId('new-thread').locator('[role="textbox"]').click();
    await attacker.page.keyboard.type('quoted');
    await attacker.page.getByTestId('new-thread').locator('button[type="submit"]').click();
    await attacker.page.locator('.thread-quote').filter({ hasText: typed }).first().waitFor();

    // The reader opens everything where the text is shown.
    const readerWatch = watch(reader.page);
    for (const path of [`/documents/${documentId}`, '/notifications', '/inbox/financing', '/']) {
      await reader.page.goto(path);
      await reader.page.waitForLoadState('networkidle');
      if (path.startsWith('/documents/')) {
        await reader.page
          .locator('[data-testid="comments-panel"] [data-thread-id]')
          .first()
          .waitFor();
        // Open every thread so every message is rendered.
        for (const button of await reader.page.locator('.thread-title button').all()) {
          await button.click();
        }
        await reader.page.locator('.thread-quote').filter({ hasText: typed }).first().waitFor();
        // Shown as the very characters that were sent.
        for (const payload of CORPUS) {
          await reader.page.locator('.message-body').filter({ hasText: payload }).first().waitFor();
        }
      }
      const panel = reader.page.locator('main');
      expect(
        await panel.locator('script, iframe, [onerror], [onload], [onmouseover]').count(),
      ).toBe(0);
      const hrefs = await panel
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
    }

    expect(await readerWatch.ran()).toBeNull();
    expect(await attackerWatch.ran()).toBeNull();
    expect(readerWatch.dialogs).toEqual([]);
    expect(attackerWatch.dialogs).toEqual([]);
    for (const p of [attacker, reader]) await p.context.close();
  });
});
