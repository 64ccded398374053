import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickIntoText, createDocument, editor } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const block = (p: Page) => p.getByTestId('pilot-indicators');
const achievement = (p: Page) => block(p).getByTestId('indicator-achievement').first();

describe('method blocks in the browser', () => {
  it('a pilot indicators block inserted from the slash menu computes achievement, live for everyone', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    const observer = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    await app.login(observer.page, 'observer@polisee.test');
    const documentId = await createDocument(lead.page, {
      title: 'Pilot: cluster vouchers',
      priority: 'financing',
    });
    for (const { page } of [lead, member, observer]) {
      await page.goto(`/documents/${documentId}`);
      await editor(page).locator('h1, h2').first().waitFor();
    }

    // "/" at the start of an empty paragraph lists the three blocks; Escape closes the list.
    const p = lead.page;
    await clickIntoText(editor(p).locator('h1, h2').first());
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.keyboard.type('/');
    const menu = p.getByTestId('slash-menu');
    await menu.waitFor();
    expect(await menu.getByRole('option').count()).toBe(3);
    await p.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // Typing filters the list; Enter inserts the highlighted block in place of the command.
    await p.keyboard.press('Backspace');
    await p.keyboard.type('/pil');
    await menu.getByRole('option', { name: /Pilot indicators/ }).waitFor();
    expect(await menu.getByRole('option').count()).toBe(1);
    await p.keyboard.press('Enter');
    await block(p).waitFor();
    expect(await editor(p).getByText('/pil').count()).toBe(0);

    await p.getByRole('textbox', { name: 'Name of indicator 1' }).fill('Firms using vouchers');
    await p.getByRole('textbox', { name: 'Unit of Firms using vouchers' }).fill('firms');
    await p.getByRole('textbox', { name: 'Baseline of Firms using vouchers' }).fill('10');
    await p.getByRole('textbox', { name: 'Target of Firms using vouchers' }).fill('50');
    // Not a number: flagged, not stored, so no achievement yet.
    const result = p.getByRole('textbox', { name: 'Result of Firms using vouchers' });
    await result.fill('forty');
    expect(await result.getAttribute('aria-invalid')).toBe('true');
    expect(await achievement(p).innerText()).not.toMatch(/%/);
    await result.fill('40');
    expect(await result.getAttribute('aria-invalid')).toBeNull();
    await achievement(p).getByText('75%').waitFor();

    // The other editor sees the values arrive, in editable fields; the observer reads the same
    // block without any field.
    const name = member.page.getByRole('textbox', { name: 'Name of indicator 1' });
    await member.page.waitForFunction(() =>
      document.querySelector('[data-testid="indicator-achievement"]')?.textContent?.includes('75%'),
    );
    expect(await name.inputValue()).toBe('Firms using vouchers');
    expect(
      await member.page
        .getByRole('textbox', { name: 'Baseline of Firms using vouchers' })
        .inputValue(),
    ).toBe('10');
    await achievement(observer.page).getByText('75%').waitFor();
    expect(await block(observer.page).getByText('Firms using vouchers').count()).toBe(1);
    expect(await block(observer.page).locator('input, select, button').count()).toBe(0);

    // An edit from the second editor comes back to the first: both write the same block.
    await member.page.getByRole('textbox', { name: 'Result of Firms using vouchers' }).fill('60');
    await achievement(p).getByText('125%').waitFor();

    await lead.page.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
    for (const { context } of [lead, member, observer]) await context.close();
  });
});
