import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument, openDocument, typeParagraphAndSave } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

/**
 * Consent sign-off by partner organisations (decision 0065) in the demo's strategy group: the
 * lead (Region of Central Macedonia), the member (North-East Regional Development Agency) and
 * the STC member (Institute for Economic Research, Sofia) sign for their organisations.
 */
let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const signoffStatus = (p: Page, value: string) =>
  p
    .getByTestId('signoff-panel')
    .locator(`[data-testid="signoff-status"][data-status="${value}"]`)
    .first()
    .waitFor();

/** The lead names the three signatories through the API, as their session allows. */
async function nameSignatories(p: Page, emails: string[]) {
  await p.evaluate(async (signers) => {
    const groups = await (await fetch('/api/working-groups')).json();
    const group = groups.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
    const users = (await (await fetch('/api/users')).json()).items as {
      id: string;
      email: string;
      organisationId: string;
    }[];
    for (const email of signers) {
      const user = users.find((u) => u.email === email)!;
      const res = await fetch(
        `/api/working-groups/${group.id}/signatories/${user.organisationId}`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ userId: user.id }),
        },
      );
      if (!res.ok) throw new Error(`signatory ${email}: ${res.status}`);
    }
  }, emails);
}

async function answer(p: Page, documentId: string, kind: string, text = '') {
  await openDocument(p, documentId);
  const form = p.getByTestId('signoff-answer-form');
  await form.locator(`input[name="signoff-answer"][value="${kind}"]`).check();
  if (text) await form.locator('textarea').fill(text);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached' });
}

describe('partner sign-off in the browser', () => {
  it('is signed off by three organisations, then lapses with the diff once the text changes', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    const stc = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    await app.login(stc.page, 'stc@polisee.test');

    const documentId = await createDocument(lead.page, {
      title: 'Joint plan for partner sign-off',
      priority: 'innovation',
    });
    await openDocument(lead.page, documentId);
    await typeParagraphAndSave(lead.page, 'Joint actions agreed by the partners.');
    await lead.page.getByTestId('open-history').click();
    await lead.page.locator('input[name="versionName"]').fill('For partners');
    await lead.page.getByTestId('save-version-form').locator('button[type="submit"]').click();
    await lead.page
      .locator('[data-version-kind="named"]')
      .filter({ hasText: 'For partners' })
      .waitFor();
    await nameSignatories(lead.page, [
      'lead@polisee.test',
      'member@polisee.test',
      'stc@polisee.test',
    ]);

    // The lead asks the three organisations (not the two others of the group) for version 2.
    await openDocument(lead.page, documentId);
    await lead.page.getByTestId('request-signoff').click();
    const form = lead.page.getByTestId('signoff-request-form');
    expect(await form.locator('select#signoff-version option:checked').textContent()).toContain(
      'For partners',
    );
    for (const name of ['Pannon Innovation Agency', 'Albanian Cluster Network']) {
      await form.getByLabel(name).uncheck();
    }
    await form.locator('textarea').fill('Please sign off the joint actions.');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    await signoffStatus(lead.page, 'pending');
    const panel = lead.page.getByTestId('signoff-panel');
    expect(await panel.locator('[data-organisation-id]').count()).toBe(3);

    // Two consent, one with reservations; the lead sees it signed off live.
    await answer(lead.page, documentId, 'consent');
    await answer(member.page, documentId, 'consent');
    await answer(
      stc.page,
      documentId,
      'consent_with_reservations',
      'Figures in annex 2 to follow.',
    );
    await signoffStatus(stc.page, 'signed_off');
    await openDocument(lead.page, documentId);
    await signoffStatus(lead.page, 'signed_off');
    await lead.page
      .locator('[data-answer="consent_with_reservations"]')
      .getByText('Figures in annex 2 to follow.')
      .waitFor();

    // The member edits the live document: the sign-off lapses, with the changes since shown.
    await openDocument(member.page, documentId);
    await typeParagraphAndSave(member.page, 'A late change after the sign-off.');
    await openDocument(lead.page, documentId);
    await signoffStatus(lead.page, 'lapsed');
    const status = lead.page.getByTestId('signoff-panel').getByTestId('signoff-status').first();
    expect(await status.textContent()).toBe('Lapsed — changed since');
    const diff = lead.page.getByTestId('signoff-lapsed-diff');
    await diff.locator('ins, .diff-insert').filter({ hasText: 'A late change' }).first().waitFor();

    // The catalogue shows the same status beside the document.
    await lead.page.goto('/documents');
    await lead.page
      .locator(
        `tr[data-document-id="${documentId}"] [data-testid="signoff-status"][data-status="lapsed"]`,
      )
      .waitFor();

    await Promise.all([lead.context.close(), member.context.close(), stc.context.close()]);
  });
});
