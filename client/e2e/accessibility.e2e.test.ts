import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, describeViolations } from './axe.js';
import { createDocument, editor, selectText, typeParagraphAndSave } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

/*
 * Every page passes axe-core with no serious or critical violation, audited as rendered for
 * the user who would see it (with its data loaded, forms and panels open). Findings are
 * collected per test and listed together, so one run shows everything there is to fix.
 */
let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** Waits for the page's heading and for every "Loading…" to be gone. */
async function settle(p: Page) {
  await p.locator('h1').first().waitFor();
  await p.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
}

function auditor() {
  const findings: string[] = [];
  const audited: string[] = [];
  return {
    async check(p: Page, where: string) {
      await settle(p);
      audited.push(where);
      const violations = await auditPage(p);
      if (violations.length > 0)
        findings.push(`${where} (${p.url()}):\n${describeViolations(violations)}`);
    },
    assertClean() {
      expect(audited.length).toBeGreaterThan(0);
      expect(findings.join('\n\n')).toBe('');
    },
  };
}

describe('accessibility audit (axe-core) of every page', () => {
  it('public pages: login, invitation, and the pages every member uses', async () => {
    const audit = auditor();
    const anonymous = await app.newPage();
    await anonymous.page.goto('/login');
    await audit.check(anonymous.page, 'login');
    await anonymous.page.locator('input[name="email"]').fill('lead@polisee.test');
    await anonymous.page.locator('input[name="password"]').fill('not-the-password');
    await anonymous.page.locator('form button[type="submit"]').click();
    await anonymous.page.locator('[role="alert"]').first().waitFor();
    await audit.check(anonymous.page, 'login refused');

    const admin = await app.newPage();
    await app.login(admin.page, 'admin@polisee.test');
    const orgs = (await (await admin.page.request.get('/api/organisations')).json()) as {
      items: { id: string }[];
    };
    const invitation = await admin.page.request.post('/api/invitations', {
      data: { email: 'audited.partner@example.test', organisationId: orgs.items[0]!.id },
      headers: { origin: app.baseUrl },
    });
    const { acceptPath } = (await invitation.json()) as { acceptPath: string };
    await anonymous.page.goto(acceptPath);
    await anonymous.page.locator('input[name="password"]').waitFor();
    await audit.check(anonymous.page, 'invitation accept');
    await anonymous.page.locator('input[name="password"]').fill('a-long-password-1');
    await anonymous.page.locator('input[name="confirmPassword"]').fill('a-long-password-2');
    await anonymous.page.locator('form button[type="submit"]').click();
    await anonymous.page.locator('[aria-invalid="true"]').first().waitFor();
    await audit.check(anonymous.page, 'invitation accept with field errors');
    await anonymous.page.goto('/invite/not-a-real-token');
    await anonymous.page.locator('[role="alert"]').first().waitFor();
    await audit.check(anonymous.page, 'invitation accept with a spent link');

    await admin.page.goto('/admin');
    await audit.check(admin.page, 'admin');

    const lead = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await lead.page.goto('/');
    await audit.check(lead.page, 'dashboard');
    await lead.page.getByTestId('notification-bell').click();
    await audit.check(lead.page, 'dashboard with the notifications menu open');
    await lead.page.keyboard.press('Escape');
    await lead.page.goto('/documents');
    await lead.page.locator('table, [role="table"]').first().waitFor();
    await audit.check(lead.page, 'documents list');
    await lead.page.goto('/documents/new');
    await audit.check(lead.page, 'new document');
    await lead.page.goto('/workshops');
    await lead.page.getByTestId('workshop-row').first().waitFor();
    await audit.check(lead.page, 'workshops');
    await lead.page.goto('/workshops/new');
    await lead.page.getByTestId('workshop-form').locator('button[type="submit"]').click();
    await lead.page.locator('[aria-invalid="true"]').first().waitFor();
    await audit.check(lead.page, 'new workshop, with field errors');
    // The demo's workshop, planned and waiting: its page before the start.
    await lead.page.goto('/workshops');
    await lead.page.getByTestId('workshop-row').first().locator('a').first().click();
    await lead.page.locator('[data-testid="workshop-page"][data-joined]').waitFor();
    await audit.check(lead.page, 'a workshop before it starts, as its facilitator');
    await lead.page.goto('/working-groups');
    await audit.check(lead.page, 'working groups');
    await lead.page.locator('main a[href^="/working-groups/"]').first().click();
    await lead.page.waitForURL(/\/working-groups\/.+/);
    await audit.check(lead.page, 'a working group');
    await lead.page.goto('/inbox');
    await audit.check(lead.page, 'inbox');
    await lead.page.goto('/inbox/financing');
    await audit.check(lead.page, 'inbox of one priority');
    await lead.page.goto('/notifications');
    await audit.check(lead.page, 'notifications');
    await lead.page.goto('/admin');
    await audit.check(lead.page, 'admin, as someone who is not an administrator');
    await lead.page.goto('/settings');
    await audit.check(lead.page, 'settings and profile');
    await lead.page.goto('/no/such/page');
    await audit.check(lead.page, '404');
    await lead.page.goto('/documents/no-such-document');
    await audit.check(lead.page, 'a document that does not exist');

    for (const p of [anonymous, admin, lead]) await p.context.close();
    audit.assertClean();
  });

  it('a document: editor, presence, comments, history, review and publication', async () => {
    const audit = auditor();
    const lead = await app.newPage();
    const reviewer = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(reviewer.page, 'sc@polisee.test');
    const documentId = await createDocument(lead.page, {
      title: 'Audited plan',
      priority: 'financing',
    });

    // Two people in the document, so presence lists someone else too.
    await lead.page.goto(`/documents/${documentId}`);
    await typeParagraphAndSave(lead.page, 'Regional funds should back cluster financing.');
    await reviewer.page.goto(`/documents/${documentId}`);
    await editor(reviewer.page).getByText('cluster financing').waitFor();
    await lead.page.locator('[data-testid="presence"] li').nth(1).waitFor();
    await audit.check(lead.page, 'document (editor, toolbar, presence)');

    // The comments sidebar with a thread being started on a selection.
    await selectText(lead.page, 'cluster financing');
    await lead.page.getByTestId('comment-on-selection').waitFor();
    await audit.check(lead.page, 'document with text selected (selection menu)');
    await lead.page.getByTestId('comment-on-selection').click();
    const draft = lead.page.getByTestId('new-thread');
    await draft.waitFor();
    await audit.check(lead.page, 'document with a new comment thread form');
    await draft.locator('[role="textbox"]').click();
    await lead.page.keyboard.type('Which instruments do we mean?');
    await draft.locator('button[type="submit"]').click();
    const thread = lead.page.locator('[data-testid="comments-panel"] [data-thread-id]').first();
    await thread.waitFor();
    const threadId = (await thread.getAttribute('data-thread-id'))!;
    await lead.page.goto(`/documents/${documentId}?thread=${threadId}`);
    await lead.page.getByTestId('comment-composer').first().waitFor();
    await audit.check(lead.page, 'comment thread (open, with reply box)');

    // History: a named version, one version viewed, and a comparison with now.
    await lead.page.getByTestId('open-history').click();
    await lead.page.locator('input[name="versionName"]').fill('First draft');
    await lead.page.getByTestId('save-version-form').locator('button[type="submit"]').click();
    const named = lead.page
      .locator('[data-version-kind="named"]')
      .filter({ hasText: 'First draft' });
    await named.waitFor();
    await audit.check(lead.page, 'history');
    await named.getByRole('button', { name: 'View' }).click();
    await lead.page.getByTestId('version-document').getByText('cluster financing').waitFor();
    await audit.check(lead.page, 'history: one version');
    await named.getByRole('button', { name: 'Compare with now' }).click();
    await lead.page.getByTestId('diff-document').waitFor();
    await audit.check(lead.page, 'history: a comparison');

    // Review: the request form, the document in review, and the reviewer's verdict form.
    await lead.page.goto(`/documents/${documentId}`);
    await lead.page.getByTestId('request-review').click();
    const request = lead.page.getByTestId('request-review-form');
    await request.waitFor();
    await audit.check(lead.page, 'review request form');
    await request.locator('input[name="reviewerIds"][data-email="sc@polisee.test"]').check();
    await request.locator('textarea[name="message"]').fill('Please review.');
    await request.locator('button[type="submit"]').click();
    await lead.page.locator('[data-testid="document-status"][data-status="in_review"]').waitFor();
    await audit.check(lead.page, 'document in review');
    await reviewer.page.goto(`/documents/${documentId}`);
    await reviewer.page.getByTestId('verdict-form').waitFor();
    await audit.check(reviewer.page, 'review view (verdict form)');
    await reviewer.page.goto('/notifications');
    await audit.check(reviewer.page, 'notifications with a review request');
    await reviewer.page.goto('/inbox');
    await audit.check(reviewer.page, 'inbox with a thread');

    // Approved and published: the published view.
    await reviewer.page.goto(`/documents/${documentId}`);
    const verdict = reviewer.page.getByTestId('verdict-form');
    await verdict.locator('input[name="verdict"][value="approve"]').check();
    await verdict.locator('button[type="submit"]').click();
    await lead.page.locator('[data-testid="document-status"][data-status="approved"]').waitFor();
    await audit.check(lead.page, 'approved document');
    await lead.page.getByTestId('publish').click();
    await lead.page.locator('[data-testid="document-status"][data-status="published"]').waitFor();
    await lead.page.getByTestId('view-published').click();
    await lead.page.getByTestId('published-document').waitFor();
    await audit.check(lead.page, 'published view');

    for (const p of [lead, reviewer]) await p.context.close();
    audit.assertClean();
  });

  it('the method blocks: a matrix while scoring and once revealed, a foresight board, pilot indicators', async () => {
    const audit = auditor();
    const lead = await app.newPage();
    const p = lead.page;
    await app.login(p, 'lead@polisee.test');
    const kinds = ['policy_assessment', 'foresight_exercise', 'pilot_initiative'] as const;
    const ids: string[] = [];
    for (const kind of kinds)
      ids.push(await createDocument(p, { title: `Audited ${kind}`, priority: 'innovation', kind }));

    // The matrix while scoring, with one score given and its reason being written.
    await p.goto(`/documents/${ids[0]}`);
    const matrix = p.getByTestId('assessment-matrix');
    await matrix.getByTestId('matrix-phase').waitFor();
    const cell = 'Innovation and R&D × Relevance';
    await matrix
      .getByRole('combobox', { name: `Score for ${cell}`, exact: true })
      .selectOption('4');
    await matrix.getByRole('button', { name: `Reason for the score of ${cell}` }).click();
    await matrix.getByRole('textbox', { name: 'Reason (optional)' }).fill('Strong links');
    await audit.check(p, 'assessment matrix while scoring, a reason being written');
    await matrix.getByRole('button', { name: 'Save the reason' }).click();
    await matrix.getByTestId('matrix-waiting').waitFor({ state: 'detached' });

    // Revealed: the heatmap, and one cell's breakdown by partner.
    p.once('dialog', (dialog) => void dialog.accept());
    await matrix.getByRole('button', { name: 'Reveal scores', exact: true }).click();
    const heat = matrix.getByTestId('matrix-heat').first();
    await heat.waitFor();
    await heat.click();
    await p.getByTestId('matrix-breakdown').waitFor();
    await audit.check(p, 'assessment matrix revealed, the breakdown of one cell open');

    await p.goto(`/documents/${ids[1]}`);
    await p.getByTestId('foresight-board').waitFor();
    await audit.check(p, 'foresight board');

    await p.goto(`/documents/${ids[2]}`);
    await p.getByTestId('pilot-indicators').waitFor();
    await audit.check(p, 'pilot indicators');

    await lead.context.close();
    audit.assertClean();
  });
});
