import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe.js';
import { clickIntoText } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const DOCUMENT = '[data-testid="workshop-document"]';
const OPTIONS = ['Cluster fund', 'Training academy', 'Export desk'];

/** A joint strategic plan of the lead's group, from the template (headings Vision, Objectives, Timeline…). */
async function createPlan(page: Page, title: string): Promise<string> {
  return page.evaluate(async (planTitle) => {
    const groups = await (await fetch('/api/working-groups')).json();
    const group = groups.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
    const res = await fetch('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: planTitle,
        kind: 'joint_strategic_plan',
        workingGroupId: group.id,
        thematicPriorities: ['skills'],
        language: 'en',
      }),
    });
    return (await res.json()).id as string;
  }, title);
}

/** Whether the heading reading `text` in the shown document is inside the window. */
function headingInView(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, heading }) => {
      const found = [...document.querySelectorAll(`${selector} h1, ${selector} h2`)].find(
        (h) => h.textContent?.trim() === heading,
      );
      if (!found) return false;
      // Within a pixel: scrolled to the top, a heading below rows of fractional height may
      // stop a fraction of a pixel above the edge.
      const box = found.getBoundingClientRect();
      return box.top > -1 && box.bottom <= window.innerHeight;
    },
    { selector: DOCUMENT, heading: text },
  );
}

async function waitForHeadingInView(page: Page, text: string) {
  await expect.poll(() => headingInView(page, text), { timeout: 10_000 }).toBe(true);
}

/** Places the participant's dots, one per option, and sends the ballot. */
async function voteOneDotEach(page: Page) {
  const poll = page.locator('[data-testid="poll"][data-status="open"]');
  await poll.waitFor();
  const adds = poll.getByTestId('dot-add');
  for (let i = 0; i < OPTIONS.length; i++) await adds.nth(i).click();
  await poll.getByTestId('submit-ballot').click();
  await poll.getByTestId('ballot-saved').waitFor();
}

describe('an online workshop', () => {
  it('is planned on sections, led live with summon, hands and a hidden dot vote, and ends with its outcome in the notes for everyone', async () => {
    const lead = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    const planTitle = 'Regional skills plan';
    await createPlan(lead.page, planTitle);

    // 1. Plan: three agenda items bound to the plan's sections, then go live.
    const f = lead.page;
    await f.goto('/workshops/new');
    const form = f.getByTestId('workshop-form');
    await form.waitFor();
    await f.locator('#workshop-title').fill('Skills plan workshop');
    await f.locator('#workshop-group').selectOption({ index: 1 });
    await f.locator('#workshop-starts').fill('2026-12-10T10:00');
    await f.locator('#workshop-ends').fill('2026-12-10T12:00');
    await form.getByLabel(planTitle, { exact: true }).check();
    const items = [
      ['Shared vision', 'Vision'],
      ['Objectives to vote on', 'Objectives'],
      ['Timeline', 'Timeline'],
    ] as const;
    for (const [index, [title, section]] of items.entries()) {
      if (index > 0) await f.getByRole('button', { name: 'Add an agenda item' }).click();
      await f.locator(`#agenda-${index}-title`).fill(title);
      await f.locator(`#agenda-${index}-minutes`).fill('20');
      const select = f.locator(`#agenda-${index}-section`);
      await select.locator('option', { hasText: section }).first().waitFor({ state: 'attached' });
      await select.selectOption({ label: section });
    }
    await form.locator('button[type="submit"]').click();
    await f.waitForURL(
      (url) => /^\/workshops\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'),
    );
    const workshopPath = new URL(f.url()).pathname;
    await f.getByTestId('workshop-page').waitFor();
    await f.locator('[data-testid="workshop-page"][data-joined]').waitFor();
    await f.getByTestId('go-live').click();
    await f.locator('[data-testid="workshop-status"]', { hasText: /live/i }).waitFor();
    await expectNoSeriousViolations(f, 'the live workshop, as its facilitator');

    // The participants join: a member and an observer.
    const member = await app.newPage();
    await app.login(member.page, 'member@polisee.test');
    const observer = await app.newPage();
    await app.login(observer.page, 'observer@polisee.test');
    const participants = [member.page, observer.page];
    for (const p of participants) {
      await p.goto(workshopPath);
      await p.locator('[data-testid="workshop-page"][data-joined]').waitFor();
      await p.locator(`${DOCUMENT} h2`).first().waitFor();
    }
    await expect
      .poll(() => f.getByTestId('presence-list').locator('li').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);

    // An STC member looks in: on the draft plan they may only suggest, as on its own page.
    const stc = await app.newPage();
    await app.login(stc.page, 'stc@polisee.test');
    await stc.page.goto(workshopPath);
    await stc.page.locator(`${DOCUMENT} [data-testid="suggest-only-note"]`).waitFor();
    await stc.context.close();

    // 2. "Bring everyone here" on item 2: both participants' pages scroll to its section.
    for (const p of participants) await p.evaluate(() => window.scrollTo(0, 0));
    await f.getByTestId('agenda-item').nth(1).getByTestId('summon-item').click();
    for (const p of participants) await waitForHeadingInView(p, 'Objectives');

    // 3. A participant raises a hand; the facilitator sees it in the queue.
    await member.page.getByTestId('raise-hand').click();
    await f.getByTestId('hand-queue').locator('li').first().waitFor();
    expect(await f.getByTestId('hand-queue').locator('li').count()).toBe(1);

    // 4. The facilitator writes a list in the plan and opens a dot vote on its items.
    const objectives = f.locator(`${DOCUMENT} h2`, { hasText: 'Objectives' });
    await clickIntoText(objectives);
    await f.keyboard.press('End');
    await f.keyboard.press('Enter');
    await f.keyboard.type(`- ${OPTIONS[0]}`);
    for (const option of OPTIONS.slice(1)) {
      await f.keyboard.press('Enter');
      await f.keyboard.type(option);
    }
    const pollForm = f.getByTestId('poll-form');
    await pollForm.getByTestId('poll-question').fill('Which action first?');
    await pollForm.getByTestId('poll-kind').selectOption('dots');
    await pollForm.getByTestId('poll-dots').fill('3');
    await pollForm.getByTestId('options-from-list').click();
    await expect
      .poll(() =>
        pollForm
          .getByTestId('poll-option-input')
          .evaluateAll((inputs) =>
            inputs.map((i) => (i as HTMLInputElement).value).filter(Boolean),
          ),
      )
      .toEqual(OPTIONS);
    await pollForm.getByTestId('open-poll').click();

    // Both participants vote; nobody, the facilitator included, sees a result before close.
    for (const p of participants) await voteOneDotEach(p);
    for (const p of [f, ...participants]) {
      await p.locator('[data-testid="poll"] [data-testid="results-hidden"]').waitFor();
      expect(await p.getByTestId('poll-results').count()).toBe(0);
    }

    // 5. Close the vote, record a decision, end the workshop.
    await f.getByTestId('close-poll').click();
    for (const p of [f, ...participants]) {
      const results = p.getByTestId('poll-results');
      await results.waitFor();
      expect(await results.getByTestId('result-total').allTextContents()).toEqual(['2', '2', '2']);
    }
    await f.getByTestId('outcome-text').fill('Start with the cluster fund.');
    await f.getByTestId('record-outcome').click();
    for (const p of participants) {
      await p.getByTestId('outcome-list').locator('li', { hasText: 'cluster fund' }).waitFor();
    }
    await f.getByTestId('end-workshop').click();
    await f.getByTestId('end-workshop-confirm').click();

    // 6. The notes show the outcome section, with the vote's result, on all three pages.
    for (const p of [f, ...participants]) {
      await p.locator('[data-testid="workshop-status"]', { hasText: /ended/i }).waitFor();
      const select = p.getByTestId('workshop-document-select');
      const notes = await select.locator('option').last().getAttribute('value');
      await select.selectOption(notes!);
      const shown = p.locator(`${DOCUMENT}[data-document-id="${notes}"]`);
      await shown.locator('h2', { hasText: 'Workshop outcome' }).waitFor({ timeout: 15_000 });
      await shown.getByText('Which action first?').first().waitFor();
      await shown.getByText('Start with the cluster fund.').first().waitFor();
    }

    for (const page of [lead, member, observer]) await page.context.close();
  });
});
