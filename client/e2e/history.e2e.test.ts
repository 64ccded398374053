import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, editor, typeParagraphAndSave } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe('version history in the browser', () => {
  it('saves a named version, shows what changed since, and restores it live for everyone', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    const documentId = await createDocument(lead.page, {
      title: 'Plan with a history',
      priority: 'innovation',
    });
    await lead.page.goto(`/documents/${documentId}`);
    await typeParagraphAndSave(lead.page, 'Alpha paragraph.');

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
    await typeParagraphAndSave(lead.page, 'Beta paragraph.');
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
