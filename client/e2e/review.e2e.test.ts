import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, openDocument, editor, typeParagraphAndSave } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const status = (p: Page) => p.getByTestId('document-status');

async function waitForStatus(p: Page, value: string) {
  await p.locator(`[data-testid="document-status"][data-status="${value}"]`).waitFor();
}

async function requestReview(p: Page, reviewerEmails: string[]) {
  await p.getByTestId('request-review').click();
  const form = p.getByTestId('request-review-form');
  for (const email of reviewerEmails) {
    await form.locator(`input[name="reviewerIds"][data-email="${email}"]`).check();
  }
  await form.locator('textarea[name="message"]').fill('Please review the draft by the due date.');
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

async function giveVerdict(p: Page, documentId: string, verdict: string, summary = '') {
  await openDocument(p, documentId);
  const form = p.getByTestId('verdict-form');
  await form.locator(`input[name="verdict"][value="${verdict}"]`).check();
  if (summary) await form.locator('textarea[name="summary"]').fill(summary);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

describe('async review of a draft in the browser', () => {
  it('runs a whole round: changes requested, edited, approved, published while drafting goes on', async () => {
    const lead = await app.newPage();
    const first = await app.newPage();
    const second = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(first.page, 'sc@polisee.test');
    await app.login(second.page, 'stc@polisee.test');

    const documentId = await createDocument(lead.page, {
      title: 'Joint plan for review',
      priority: 'financing',
    });
    await openDocument(lead.page, documentId);
    await typeParagraphAndSave(lead.page, 'Draft one of the joint actions.');

    // Round 1: one approves, one requests changes.
    await requestReview(lead.page, ['sc@polisee.test', 'stc@polisee.test']);
    await waitForStatus(lead.page, 'in_review');
    await giveVerdict(first.page, documentId, 'approve');
    await giveVerdict(second.page, documentId, 'request_changes', 'Add the financing table.');
    await waitForStatus(second.page, 'changes_requested');
    await waitForStatus(lead.page, 'changes_requested');
    await lead.page
      .locator('[data-verdict="request_changes"]')
      .getByText('Add the financing table.')
      .waitFor();

    // The lead edits and asks again; the reviewers are told the text changed since round 1.
    await typeParagraphAndSave(lead.page, 'Financing table added.');
    await requestReview(lead.page, ['sc@polisee.test', 'stc@polisee.test']);
    await waitForStatus(lead.page, 'in_review');
    await giveVerdict(first.page, documentId, 'approve');
    await giveVerdict(
      second.page,
      documentId,
      'approve_with_reservations',
      'Check the totals next time.',
    );
    await waitForStatus(second.page, 'approved');
    await waitForStatus(lead.page, 'approved');

    // The lead publishes; the published view is exactly the approved version…
    await lead.page.getByTestId('publish').click();
    await waitForStatus(lead.page, 'published');
    await typeParagraphAndSave(lead.page, 'Drafting goes on after publication.');
    await lead.page.getByTestId('view-published').click();
    const published = lead.page.getByTestId('published-document');
    await published.getByText('Financing table added.').waitFor();
    expect(await published.textContent()).not.toContain('Drafting goes on after publication.');
    // …while the draft goes on changing.
    await openDocument(lead.page, documentId);
    await editor(lead.page).getByText('Drafting goes on after publication.').waitFor();
    expect(await status(lead.page).getAttribute('data-status')).toBe('published');
    // The document's own feed tells the story of the round.
    const feed = lead.page.getByTestId('activity-panel').locator('li');
    await expect.poll(() => feed.count()).toBeGreaterThanOrEqual(5);

    for (const p of [lead, first, second]) await p.context.close();
  });
});
