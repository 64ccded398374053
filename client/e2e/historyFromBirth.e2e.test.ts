import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, typeParagraphAndSave } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe('a history from the birth of a document', () => {
  it('lists the version a new document starts with, and compares the first edit with it', async () => {
    const lead = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    const documentId = await createDocument(lead.page, {
      title: 'Notes with a history',
      priority: 'innovation',
    });
    await lead.page.goto(`/documents/${documentId}`);
    await typeParagraphAndSave(lead.page, 'The very first edit.');

    await lead.page.getByTestId('open-history').click();
    const versions = lead.page.locator('.version-list > li');
    const created = versions.filter({ hasText: 'Created from template: Workshop notes' });
    await created.waitFor();
    expect(await created.textContent()).toContain('#1');

    await created.getByRole('button', { name: 'Compare with now' }).click();
    const diff = lead.page.getByTestId('diff-document');
    await diff
      .locator('ins, [data-diff="insert"]')
      .filter({ hasText: 'The very first edit.' })
      .first()
      .waitFor();
    // The template's text was there from the start: it is not marked as new.
    const inserted = await diff.locator('ins, [data-diff="insert"]').allTextContents();
    expect(inserted.join(' ')).not.toContain('Date and participants');
    await lead.context.close();
  });

  it('lists it for a seeded document too', async () => {
    const lead = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    const documentId = await lead.page.evaluate(async () => {
      const res = await (await fetch('/api/documents')).json();
      return res.items.find((d: { kind: string }) => d.kind === 'joint_strategic_plan')
        .id as string;
    });
    await lead.page.goto(`/documents/${documentId}/history`);
    await lead.page
      .locator('.version-list > li')
      .filter({ hasText: 'Created from template: Joint Strategic Plan' })
      .waitFor();
    await lead.context.close();
  });
});
