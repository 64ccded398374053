import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const ROW = 'Innovation and R&D';
const CRITERION = 'Relevance';
const CELL = `${CRITERION} × ${ROW}`;
const scoreOf = (p: Page) =>
  p.getByRole('combobox', { name: `Score for ${ROW} × ${CRITERION}`, exact: true });
const matrix = (p: Page) => p.getByTestId('assessment-matrix');
const heat = (p: Page) => matrix(p).locator('[data-testid="matrix-heat"]').first();

/** A policy assessment (its template holds a 6 × 6 matrix) in the group the lead leads. */
function createAssessment(p: Page, title: string): Promise<string> {
  return p.evaluate(async (documentTitle) => {
    const groups = await (await fetch('/api/working-groups')).json();
    const group = groups.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
    const res = await fetch('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: documentTitle,
        kind: 'policy_assessment',
        workingGroupId: group.id,
        thematicPriorities: ['innovation'],
        language: 'en',
      }),
    });
    return (await res.json()).id as string;
  }, title);
}

/** Accepts the next confirmation and clicks the button that asks for it. */
async function confirmAndClick(p: Page, name: string) {
  p.once('dialog', (dialog) => void dialog.accept());
  await matrix(p).getByRole('button', { name, exact: true }).click();
}

describe('assessment matrix in the browser', () => {
  it('three partners score privately, the lead reveals, a cell is discussed, an offline revision of round two is stored', async () => {
    const lead = await app.newPage();
    const member = await app.newPage();
    const observer = await app.newPage();
    const partners = [lead, member, observer];
    // Three organisations (Greece, Romania, Albania): the strategy group's lead and member edit;
    // its observer takes part once the matrix lets observers score.
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    await app.login(observer.page, 'observer@polisee.test');
    const documentId = await createAssessment(lead.page, 'Assessment of cluster policies');
    for (const { page } of partners) {
      await page.goto(`/documents/${documentId}`);
      await matrix(page).getByTestId('matrix-phase').waitFor();
    }
    expect(await scoreOf(observer.page).count()).toBe(0);
    await matrix(lead.page)
      .getByRole('checkbox', { name: 'Observers and committee members may score' })
      .check();
    await scoreOf(observer.page).waitFor();

    // Round 1: each scores the same cell, with a reason only they know.
    const given = [
      { who: lead, score: '2', reason: 'Lead: weak links between clusters' },
      { who: member, score: '4', reason: 'Member: strong regional strategy' },
      { who: observer, score: '5', reason: 'Observer: excellent cluster support' },
    ];
    for (const { who, score, reason } of given) {
      const p = who.page;
      await scoreOf(p).selectOption(score);
      await matrix(p)
        .getByRole('button', { name: `Reason for the score of ${ROW} × ${CRITERION}` })
        .click();
      await matrix(p).getByRole('textbox', { name: 'Reason (optional)' }).fill(reason);
      await matrix(p).getByRole('button', { name: 'Save the reason' }).click();
      await matrix(p).getByTestId('matrix-waiting').waitFor({ state: 'detached' });
    }
    for (const { who, score } of given) {
      const p = who.page;
      // Live: everyone learns how many have scored, never what.
      await matrix(p).getByText('3 partners have scored.').waitFor();
      expect(await scoreOf(p).inputValue()).toBe(score);
      const text = await p.locator('body').innerText();
      for (const other of given.filter((g) => g.who !== who)) {
        expect(text).not.toContain(other.reason);
      }
      expect(await matrix(p).getByTestId('matrix-heat').count()).toBe(0);
    }

    // The lead reveals: every page turns into the same heatmap (2, 4, 5: mean 3.7, σ 1.2).
    await confirmAndClick(lead.page, 'Reveal scores');
    for (const { page } of partners) {
      await matrix(page).getByText('Round 1 · revealed.').waitFor();
      expect(await heat(page).getByTestId('matrix-mean').innerText()).toBe('3.7');
      expect(await heat(page).getByTestId('matrix-spread').innerText()).toBe('2–5 · σ 1.2');
      expect(await heat(page).getAttribute('data-band')).toBe('4');
      expect(await matrix(page).getByTestId('matrix-heat').count()).toBe(1);
    }
    // The breakdown names each partner with their reason.
    await heat(member.page).click();
    const breakdown = member.page.getByTestId('matrix-breakdown');
    await breakdown.getByText('Observer: excellent cluster support').waitFor();
    expect(await breakdown.locator('tbody tr').count()).toBe(3);
    await breakdown.getByRole('cell', { name: 'Albania', exact: true }).waitFor();

    // A thread on the cell, tagged with the row's priority, its first message naming the cell.
    await matrix(member.page)
      .getByRole('button', { name: `Discuss this cell: ${CELL}` })
      .click();
    await matrix(member.page)
      .getByRole('textbox', { name: 'Your message' })
      .fill('Why do we disagree so much here?');
    await matrix(member.page).getByRole('button', { name: 'Start the thread' }).click();
    const thread = member.page.locator('.thread-card', {
      hasText: `${CELL}: Why do we disagree so much here?`,
    });
    await thread.first().waitFor();
    await lead.page.getByText(`${CELL}: Why do we disagree so much here?`).first().waitFor();

    // Round 2: each scorer's form is prefilled from round 1, beside round 1's distribution.
    await confirmAndClick(lead.page, 'Start a second round');
    for (const { who, score } of given) {
      const p = who.page;
      await matrix(p)
        .getByText('Round 2 · scoring: scores stay private until the reveal.')
        .waitFor();
      await matrix(p).getByTestId('matrix-round-one').first().waitFor();
      expect(await matrix(p).getByTestId('matrix-round-one').first().innerText()).toContain(
        'mean 3.7',
      );
      await expect.poll(() => scoreOf(p).inputValue()).toBe(score);
    }

    // The observer revises offline: kept on the device, sent when the network is back.
    const o = observer.page;
    await observer.context.setOffline(true);
    await scoreOf(o).selectOption('1');
    await matrix(o).getByTestId('matrix-waiting').waitFor();
    await matrix(o).getByText('1 score waiting to be sent.').waitFor();
    expect(await scoreOf(o).inputValue()).toBe('1');
    await observer.context.setOffline(false);
    await matrix(o).getByTestId('matrix-waiting').waitFor({ state: 'detached' });

    // The lead reveals round two: 2, 4 and the revised 1 (mean 2.3, from 1 to 4, σ 1.2).
    await confirmAndClick(lead.page, 'Reveal scores');
    for (const { page } of partners) {
      await matrix(page).getByText('Round 2 · revealed.').waitFor();
      expect(await heat(page).getByTestId('matrix-mean').innerText()).toBe('2.3');
      expect(await heat(page).getByTestId('matrix-spread').innerText()).toBe('1–4 · σ 1.2');
    }
    for (const { context } of partners) await context.close();
  });
});
