import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const editor = (p: Page) => p.locator('[data-testid="document-editor"] [role="textbox"]');

async function typeParagraph(p: Page, text: string) {
  await editor(p).locator('h1, h2').first().click();
  await p.keyboard.press('End');
  await p.keyboard.press('Enter');
  await p.keyboard.type(text);
  await p.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
}

describe('version history in the browser', () => {
  it('saves a named version, shows what changed since, and restores it live for everyone', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    const documentId = await lead.page.evaluate(async () => {
      const groups = await (await fetch('/api/working-groups')).json();
      const group = groups.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
      const res = await fetch('/api/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title: 'Plan with a history',
          kind: 'workshop_notes',
          workingGroupId: group.id,
          thematicPriorities: ['innovation'],
          language: 'en',
        }),
      });
      return (await res.json()).id as string;
    });
    await lead.page.goto(`/documents/${documentId}`);
    await typeParagraph(lead.page, 'Alpha paragraph.');

    // Save the state as a named version.
    await lead.page.getByTestId('open-history').click();
    await lead.page.locator('input[name="versionName"]').fill('First draft');
    await lead.page.getByTestId('save-version-form').locator('button[type="submit"]').click();
    const named = lead.page
      .locator('[data-version-kind="named"]')
      .filter({ hasText: 'First draft' });
    await named.waitFor();

    // More text, then compare the named version with now: the addition is marked inserted.
    await lead.page.goto(`/documents/${documentId}`);
    await typeParagraph(lead.page, 'Beta paragraph.');
    await member.page.goto(`/documents/${documentId}`);
    await editor(member.page).getByText('Beta paragraph.').waitFor();
    await lead.page.getByTestId('open-history').click();
    await named.getByRole('button', { name: 'Compare with now' }).click();
    const diff = lead.page.getByTestId('diff-document');
    await diff
      .locator('ins, [data-diff="insert"]')
      .filter({ hasText: 'Beta paragraph.' })
      .first()
      .waitFor();

    // Restore the named version: the member's open editor follows, and history records it.
    await named.getByRole('button', { name: 'View' }).click();
    await lead.page.getByTestId('version-document').getByText('Alpha paragraph.').waitFor();
    lead.page.once('dialog', (d) => void d.accept());
    await lead.page.getByTestId('restore-version').click();
    await expect
      .poll(() => editor(member.page).textContent(), { timeout: 10_000 })
      .not.toContain('Beta paragraph.');
    expect(await editor(member.page).textContent()).toContain('Alpha paragraph.');
    await lead.page.locator('[data-version-kind="restore"]').first().waitFor();

    for (const p of [lead, member]) await p.context.close();
  });
});
