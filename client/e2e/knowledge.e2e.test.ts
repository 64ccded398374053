import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, describeViolations } from './axe.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const PRACTICE = 'Innovation vouchers for cluster SMEs in North-East Romania';
const PACKAGE = 'Обучителен пакет: интелигентна специализация (S3) за клъстерни политики';
const PLAN = 'Joint Strategic Plan for Smarter Cluster Policies in South-East Europe';

describe('knowledge base in the browser', () => {
  it('a member browses, filters by priority, reads a good practice and sees the plan citing it', async () => {
    // The member drafts in the strategy and skills groups; the practice is the financing group's.
    const { page: p } = await app.newPage();
    await app.login(p, 'member@polisee.test');

    await p
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Knowledge base' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    const cards = p.getByTestId('knowledge-card');
    await cards.filter({ hasText: PRACTICE }).waitFor();
    await cards.filter({ hasText: PACKAGE }).waitFor();

    // The demo's training package is about skills, the practice about financing.
    await p.locator('#knowledge-priority').selectOption('financing');
    await p.waitForURL(/priority=financing/);
    await expect.poll(() => cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.innerText()).toContain(PRACTICE);
    expect(await card.innerText()).toContain('Small innovation vouchers');
    expect(await card.innerText()).toContain('#innovation-vouchers');
    const violations = await auditPage(p);
    expect(violations, describeViolations(violations)).toEqual([]);

    await card.getByRole('link', { name: PRACTICE }).click();
    const document = p.getByTestId('knowledge-document');
    await document.waitFor();
    expect(await document.innerText()).toContain('Small innovation vouchers');
    // Read-only: nothing in it can be typed into.
    expect(await document.locator('[contenteditable="true"]').count()).toBe(0);
    // The member is not in the financing group: the working draft is not offered.
    expect(await p.getByRole('link', { name: 'Open the working document' }).count()).toBe(0);

    const referencedBy = p.getByTestId('knowledge-referenced-by');
    await referencedBy.getByRole('link', { name: PLAN }).click();
    await p.waitForURL(/\/documents\/[\w-]+$/);
  });
});
