import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness.js';
import { clickIntoText } from './documentActions.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

async function firstDocumentId(app: AppUnderTest, page: Page): Promise<string> {
  const res = await page.request.get(`${app.baseUrl}/api/documents?kind=joint_strategic_plan`);
  return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
}

describe('live co-editing in the browser', () => {
  it('edits made offline survive a reload and merge with everyone else’s on reconnect', async () => {
    const offline = await app.newPage();
    const online = await app.newPage();
    await app.login(offline.page, 'member@polisee.test');
    await app.login(online.page, 'lead@polisee.test');
    const documentId = await firstDocumentId(app, online.page);
    const editor = (p: Page) => p.locator('[data-testid="document-editor"] [role="textbox"]');

    // The first page syncs once (so the device holds a copy), then its collaboration socket is
    // cut while the rest of the site still loads.
    let blocked = false;
    const routes: { close(options?: { code?: number }): Promise<void> }[] = [];
    await offline.page.routeWebSocket(/\/collab\//, (ws) => {
      if (blocked) return void ws.close({ code: 1006 });
      ws.connectToServer();
      routes.push(ws);
    });
    await offline.page.goto(`/documents/${documentId}`);
    await online.page.goto(`/documents/${documentId}`);
    await editor(offline.page).locator('h1').first().waitFor();
    await editor(online.page).locator('h1').first().waitFor();
    blocked = true;
    await Promise.all(routes.map((r) => r.close({ code: 1006 })));
    await offline.page.locator('[data-testid="collab-status"][data-state="offline"]').waitFor();

    await clickIntoText(editor(offline.page).locator('h1').first());
    await offline.page.keyboard.press('End');
    await offline.page.keyboard.type(' [typed offline]');
    await clickIntoText(editor(online.page).locator('h1').first());
    await online.page.keyboard.press('End');
    await online.page.keyboard.type(' [typed online]');

    // Reload while still cut off: the device copy brings the offline edit back.
    await offline.page.reload();
    await editor(offline.page).getByText('[typed offline]', { exact: false }).first().waitFor();
    await offline.page.locator('[data-testid="collab-status"][data-state="offline"]').waitFor();

    // Reconnect: both edits merge on both sides.
    blocked = false;
    await editor(offline.page)
      .getByText('[typed online]', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 });
    await editor(online.page)
      .getByText('[typed offline]', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 });
    await offline.page
      .locator('[data-testid="collab-status"][data-state="saved"]')
      .waitFor({ timeout: 20_000 });
    for (const p of [offline, online]) await p.context.close();
  });

  it('two editors see each other’s text and named cursors; an observer cannot type; offline shows', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    const observer = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    await app.login(observer.page, 'observer@polisee.test');
    const documentId = await firstDocumentId(app, lead.page);

    for (const { page } of [lead, member, observer]) {
      await page.goto(`/documents/${documentId}`);
      await page
        .locator(
          '[data-testid="collab-status"][data-state="connected"], [data-testid="collab-status"][data-state="saved"]',
        )
        .first()
        .waitFor();
    }
    const leadEditor = lead.page.locator('[data-testid="document-editor"] [role="textbox"]');
    const memberEditor = member.page.locator('[data-testid="document-editor"] [role="textbox"]');

    // The lead types at the end of the title; the member sees it live.
    await clickIntoText(leadEditor.locator('h1').first());
    await lead.page.keyboard.press('End');
    await lead.page.keyboard.type(' — live from Thessaloniki');
    await memberEditor.getByText('live from Thessaloniki').first().waitFor();

    // The member types; the lead sees it, and sees the member's named cursor.
    await clickIntoText(memberEditor.locator('h1').first());
    await member.page.keyboard.press('Home');
    await member.page.keyboard.type('Draft: ');
    await leadEditor.getByText('Draft:', { exact: false }).first().waitFor();
    await lead.page
      .locator('.collaboration-carets__label', { hasText: 'Mihai Popescu' })
      .first()
      .waitFor();
    await lead.page.locator('[data-testid="presence"] [data-presence-user-id]').nth(2).waitFor();

    // The observer receives everything and cannot type.
    const observerEditor = observer.page.locator(
      '[data-testid="document-editor"] [role="textbox"]',
    );
    await observerEditor.getByText('live from Thessaloniki').first().waitFor();
    expect(await observerEditor.first().getAttribute('contenteditable')).toBe('false');
    const before = await observerEditor.first().innerText();
    await observerEditor.first().click();
    await observer.page.keyboard.type('observer typing');
    expect(await observerEditor.first().innerText()).toBe(before);

    // Stop the server: the editors say they are offline and keep their changes on the device.
    await app.stopServer();
    await lead.page
      .locator('[data-testid="collab-status"][data-state="offline"]')
      .waitFor({ timeout: 15_000 });
    await clickIntoText(leadEditor.locator('h1').first());
    await lead.page.keyboard.type(' offline');
    // The change is counted as kept on the device, and the count is what the status says.
    const statusLine = lead.page.locator('[data-testid="collab-status"]');
    await lead.page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="collab-status"]')?.getAttribute('data-unsynced'),
        ) > 0,
    );
    const unsynced = await statusLine.getAttribute('data-unsynced');
    expect(await statusLine.innerText()).toContain(unsynced!);
    expect(await leadEditor.locator('h1').first().innerText()).toContain(' offline');

    for (const p of [lead, member, observer]) await p.context.close();
  });
});
