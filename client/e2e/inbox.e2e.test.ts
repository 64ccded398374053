import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** A REST call from the page, as the app itself makes it: session cookie, same origin, JSON. */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : await res.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

describe('priority inboxes and the notification centre', () => {
  it('a mention reaches the bell live, the notification leads to the thread, and the financing inbox lists it', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    try {
      await app.login(lead.page, 'lead@polisee.test');
      await app.login(member.page, 'member@polisee.test');
      const memberPage = member.page;
      // The demo's workshop invitation waits in the member's bell: read it first, so the test
      // starts from nothing unread.
      await callApi(memberPage, 'POST', '/api/notifications/read', { all: true });
      const earlier = (await callApi<{ items: unknown[] }>(memberPage, 'GET', '/api/notifications'))
        .items.length;
      await memberPage.reload();

      // A document of the strategy group (WG1), which both belong to, and the member's id.
      const groups = await callApi<{ items: { id: string; name: string }[] }>(
        lead.page,
        'GET',
        '/api/working-groups',
      );
      const strategy = groups.items.find((g) => g.name.startsWith('WG1'))!;
      const documents = await callApi<{ items: { id: string; title: string }[] }>(
        lead.page,
        'GET',
        `/api/documents?workingGroupId=${strategy.id}`,
      );
      const document = documents.items[0]!;
      const mentionable = await callApi<{ items: { id: string; name: string }[] }>(
        lead.page,
        'GET',
        `/api/documents/${document.id}/mentionable`,
      );
      const memberId = mentionable.items.find((m) => m.name === 'Mihai Popescu')!.id;

      // The member waits on the dashboard with nothing unread; the page is never reloaded.
      const bell = memberPage.getByTestId('notification-bell');
      const count = memberPage.getByTestId('notification-count');
      await bell.waitFor();
      await memberPage.waitForLoadState('networkidle');
      expect(await count.isHidden()).toBe(true);
      await memberPage.evaluate(() => Object.assign(window, { __notReloaded: true }));

      // The lead starts a thread about the whole document, on financing, mentioning the member.
      const thread = await callApi<{ id: string }>(
        lead.page,
        'POST',
        `/api/documents/${document.id}/threads`,
        {
          priority: 'financing',
          body: '@Mihai Popescu could you check the co-financing rates in this plan?',
          mentions: [memberId],
        },
      );

      // The bell counts it live, and says so in its name.
      await count.waitFor({ state: 'visible' });
      expect(await count.textContent()).toBe('1');
      expect(await bell.getAttribute('aria-label')).toContain('1 unread');
      expect(await memberPage.evaluate(() => '__notReloaded' in window)).toBe(true);
      // The header's inbox link counts the unread thread as well.
      const navUnread = memberPage.locator('#primary-nav').getByTestId('nav-inbox-unread');
      await navUnread.waitFor();
      // (The demo workspace comes with unread discussions of its own.)
      expect(Number.parseInt((await navUnread.textContent())!, 10)).toBeGreaterThanOrEqual(1);

      // The notification centre lists it, unread, with a sentence naming who and where.
      await bell.click();
      await memberPage.waitForURL((url) => url.pathname === '/notifications');
      const item = memberPage.locator('[data-notification-id]').first();
      await item.waitFor();
      expect(await item.getAttribute('data-read')).toBe('false');
      expect(await item.textContent()).toContain(
        `Eleni Papadopoulou mentioned you in ${document.title}`,
      );
      expect(await item.textContent()).toContain('co-financing rates');
      expect(await item.textContent()).toContain('Cluster financing');

      // The inbox opens on a priority with unread threads (the demo plan has some of its own);
      // the financing tab lists the thread as unread.
      await memberPage.locator('#primary-nav a[href="/inbox"]').click();
      await memberPage.waitForURL((url) => url.pathname.startsWith('/inbox/'));
      await memberPage.locator('[data-inbox-priority="financing"]').click();
      await memberPage.waitForURL((url) => url.pathname === '/inbox/financing');
      const row = memberPage.locator(`[data-thread-id="${thread.id}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-unread')).toBe('true');
      expect(await row.textContent()).toContain(document.title);
      expect(await row.textContent()).toContain('About the whole document');
      expect(await row.locator('a').getAttribute('href')).toBe(
        `/documents/${document.id}?thread=${thread.id}`,
      );
      const tab = memberPage.locator('[data-inbox-priority="financing"]');
      expect(await tab.getAttribute('aria-current')).toBe('page');
      await tab.getByTestId('inbox-unread-count').waitFor();

      // "Mentioning me" keeps it; "threads I take part in" does not (the member has not written).
      await memberPage.locator('input[name="filter"][value="mentions"]').check();
      await memberPage.waitForURL((url) => url.searchParams.get('filter') === 'mentions');
      await row.waitFor();
      await memberPage.locator('input[name="filter"][value="mine"]').check();
      await memberPage.waitForURL((url) => url.searchParams.get('filter') === 'mine');
      await row.waitFor({ state: 'detached' });
      await memberPage.locator('input[name="filter"][value="all"]').check();
      await memberPage.waitForURL((url) => !url.searchParams.has('filter'));
      await row.waitFor();
      // Resolved threads are another view; this one is open.
      await memberPage.locator('input[name="status"][value="resolved"]').check();
      await row.waitFor({ state: 'detached' });
      await memberPage.locator('input[name="status"][value="open"]').check();
      await row.waitFor();

      // Opening the notification reads it and goes to the thread in its document.
      await bell.click();
      await memberPage.waitForURL((url) => url.pathname === '/notifications');
      await memberPage.locator(`[data-notification-id] a`).first().click();
      await memberPage.waitForURL(
        (url) =>
          url.pathname === `/documents/${document.id}` &&
          url.searchParams.get('thread') === thread.id,
      );
      await count.waitFor({ state: 'hidden' });

      // A reply mentioning the member arrives live; "Mark all as read" clears the bell.
      await callApi(lead.page, 'POST', `/api/threads/${thread.id}/messages`, {
        body: 'The figures are in section 3.',
        mentions: [memberId],
      });
      await count.waitFor({ state: 'visible' });
      expect(await count.textContent()).toBe('1');
      await bell.click();
      await memberPage.waitForURL((url) => url.pathname === '/notifications');
      await memberPage.locator('[data-notification-id][data-read="false"]').first().waitFor();
      // The live notification shows at once; the list's refetch brings the read one beside it.
      await memberPage
        .locator('[data-notification-id]')
        .nth(earlier + 1)
        .waitFor();
      expect(await memberPage.locator('[data-notification-id]').count()).toBe(earlier + 2);
      await memberPage.getByTestId('mark-all-read').click();
      await count.waitFor({ state: 'hidden' });
      await memberPage
        .locator('[data-notification-id][data-read="false"]')
        .first()
        .waitFor({ state: 'detached' });
      expect(await memberPage.locator('[data-notification-id][data-read="true"]').count()).toBe(
        earlier + 2,
      );
      expect(await bell.getAttribute('aria-label')).toBe('Notifications');

      // "Unread only" now has nothing to show.
      await memberPage.locator('input[name="unread"]').check();
      await memberPage.waitForURL((url) => url.searchParams.get('unread') === 'true');
      await memberPage.getByText('You have no unread notifications.').waitFor();
      expect(await memberPage.locator('[data-notification-id]').count()).toBe(0);
    } finally {
      await lead.context.close();
      await member.context.close();
    }
  });
});
