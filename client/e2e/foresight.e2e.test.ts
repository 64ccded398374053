import type { PollView } from '@polisee/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickIntoText, editor } from './documentActions.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const SCENARIOS = ['Digital boom', 'Green leap', 'Slow drift', 'Fragmented regions'];

/** A document of the lead's group from a template (`kind`), created as the signed-in lead. */
async function createFromTemplate(page: Page, title: string, kind: string): Promise<string> {
  return page.evaluate(
    async ({ title, kind }) => {
      const groups = await (await fetch('/api/working-groups')).json();
      const group = groups.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
      const res = await fetch('/api/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title,
          kind,
          workingGroupId: group.id,
          thematicPriorities: ['innovation'],
          language: 'en',
        }),
      });
      return (await res.json()).id as string;
    },
    { title, kind },
  );
}

/** A workshop of the lead's group on the document, planned through the API. */
async function createWorkshop(page: Page, documentId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const groups = await (await fetch('/api/working-groups')).json();
    const group = groups.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
    const res = await fetch('/api/workshops', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Scenario workshop',
        workingGroupId: group.id,
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 7_200_000).toISOString(),
        language: 'en',
        agenda: [{ title: 'Which scenario do we prepare for?', minutes: 30 }],
        documentIds: [id],
      }),
    });
    return (await res.json()).id as string;
  }, documentId);
}

/** This user's ballot in the board's scenario vote, as the server holds it. */
async function storedDots(page: Page, workshopId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const polls = (await (await fetch(`/api/workshops/${id}/polls`)).json()).items as PollView[];
    const open = polls.find((p) => p.source?.items === 'scenarios' && p.status === 'open');
    return (open?.yourBallot ?? []).reduce((sum, a) => sum + a.value, 0);
  }, workshopId);
}

const board = (p: Page) => p.getByTestId('foresight-board');
const scenario = (p: Page, i: number) => board(p).getByTestId('foresight-scenario').nth(i);

describe('a foresight board in the browser', () => {
  it('rates and plots drivers, names four scenarios on two axes, links one to a plan section, and takes a dot vote in a live workshop', async () => {
    const lead = await app.newPage();
    const f = lead.page;
    await app.login(f, 'lead@polisee.test');
    const planId = await createFromTemplate(f, 'Regional innovation plan', 'joint_strategic_plan');
    const boardDocId = await createFromTemplate(f, 'Foresight 2040', 'foresight_exercise');
    await f.goto(`/documents/${boardDocId}`);
    await board(f).waitFor();

    // Drivers (the template has one unnamed driver per STEEP category), rated and plotted.
    const drivers = [
      ['Social', 'Ageing population', '5', '2'],
      ['Technological', 'Remote work', '4', '5'],
      ['Economic', 'Energy prices', '5', '4'],
    ] as const;
    for (const [category, name, impact, uncertainty] of drivers) {
      await board(f)
        .getByRole('textbox', { name: `Name of a ${category} driver` })
        .fill(name);
      await board(f).getByLabel(`Impact of ${name} (1 to 5)`).selectOption(impact);
      await board(f).getByLabel(`Uncertainty of ${name} (1 to 5)`).selectOption(uncertainty);
    }
    for (const [, name, impact, uncertainty] of drivers) {
      await board(f)
        .getByRole('img', { name: `${name}: impact ${impact}, uncertainty ${uncertainty}` })
        .waitFor();
    }

    // Two critical uncertainties as the axes; the quadrants are named after them.
    await board(f)
      .getByLabel('Horizontal axis (first critical uncertainty)')
      .selectOption({ label: '2. Remote work' });
    await board(f)
      .getByLabel('Vertical axis (second critical uncertainty)')
      .selectOption({ label: '3. Energy prices' });
    await scenario(f, 0)
      .locator('.foresight-quadrant', { hasText: 'High on Remote work, high on Energy prices' })
      .waitFor();
    expect(await board(f).getByTestId('foresight-scenario').count()).toBe(4);
    for (const [i, name] of SCENARIOS.entries()) {
      await scenario(f, i)
        .getByRole('textbox', { name: /^Name of the scenario/ })
        .fill(name);
    }

    // Outside a workshop, the board says where votes happen.
    await board(f)
      .getByTestId('board-votes')
      .getByText(/happen in a live workshop/)
      .waitFor();

    // The first scenario linked to a heading of the plan; the link shows the heading.
    const first = scenario(f, 0);
    await first.getByRole('button', { name: 'Link to a section' }).click();
    await first.getByLabel('Document', { exact: true }).selectOption(planId);
    const sectionSelect = first.getByLabel('Section', { exact: true });
    const objectives = sectionSelect.locator('option', { hasText: 'Objectives' }).first();
    await objectives.waitFor({ state: 'attached' });
    await sectionSelect.selectOption((await objectives.getAttribute('value'))!);
    await first.getByRole('button', { name: 'Add the link' }).click();
    const link = first.getByTestId('scenario-link');
    await link.getByRole('link', { name: 'Objectives' }).waitFor();
    await f.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();

    // The link opens the plan at that heading; renamed there, the link follows it.
    await link.getByRole('link', { name: 'Objectives' }).click();
    await f.waitForURL((url) => url.pathname === `/documents/${planId}`);
    const heading = editor(f).locator('h2', { hasText: 'Objectives' });
    await expect
      .poll(
        () =>
          heading.evaluate((h) => {
            // Within a pixel: scrolled to the top, a heading below rows of fractional height
            // may stop a fraction of a pixel above the edge.
            const box = h.getBoundingClientRect();
            return box.top > -1 && box.bottom <= window.innerHeight;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    await clickIntoText(heading);
    await f.keyboard.press('End');
    await f.keyboard.type(' for 2030');
    await f.locator('[data-testid="collab-status"][data-state="saved"]').waitFor();
    await f.goto(`/documents/${boardDocId}`);
    await scenario(f, 0)
      .getByTestId('scenario-link')
      .getByRole('link', { name: 'Objectives for 2030' })
      .waitFor();

    // A live workshop on the board's document: the lead opens a dot vote from the board.
    const workshopId = await createWorkshop(f, boardDocId);
    await f.goto(`/workshops/${workshopId}`);
    await f.locator('[data-testid="workshop-page"][data-joined]').waitFor();
    await f.getByTestId('go-live').click();
    await f.locator('[data-testid="workshop-status"]', { hasText: /live/i }).waitFor();
    await board(f).getByLabel('Dots per participant').fill('3');
    await board(f).getByRole('button', { name: 'Dot vote on the scenarios' }).click();
    await board(f).getByRole('button', { name: 'Close the vote on the scenarios' }).waitFor();

    // Two participants place their dots beside the scenarios on their own boards.
    const ballots = {
      'member@polisee.test': { [SCENARIOS[0]!]: 2, [SCENARIOS[1]!]: 1 },
      'observer@polisee.test': { [SCENARIOS[0]!]: 1, [SCENARIOS[2]!]: 2 },
    };
    const participants: Page[] = [];
    for (const [email, dots] of Object.entries(ballots)) {
      const { page: p } = await app.newPage();
      participants.push(p);
      await app.login(p, email);
      await p.goto(`/workshops/${workshopId}`);
      await p.locator('[data-testid="workshop-page"][data-joined]').waitFor();
      await board(p)
        .getByTestId('board-vote-scenarios')
        .getByText(/placed 0 of 3 dots/)
        .waitFor();
      for (const [name, count] of Object.entries(dots)) {
        for (let i = 0; i < count; i++) {
          await board(p)
            .getByRole('button', { name: `Add a dot to ${name}` })
            .click();
        }
      }
      // Every dot is placed: no more to add, and the server holds the whole ballot.
      await board(p)
        .getByTestId('board-vote-scenarios')
        .getByText(/placed 3 of 3 dots/)
        .waitFor();
      expect(
        await board(p)
          .getByRole('button', { name: `Add a dot to ${SCENARIOS[3]}` })
          .isDisabled(),
      ).toBe(true);
      await expect.poll(() => storedDots(p, workshopId), { timeout: 10_000 }).toBe(3);
    }
    // While open, nobody sees a count, the facilitator included.
    for (const p of [f, ...participants])
      expect(await p.getByTestId('item-dot-count').count()).toBe(0);

    // Closed by the lead: every board shows the same count beside each scenario.
    await board(f).getByRole('button', { name: 'Close the vote on the scenarios' }).click();
    for (const p of [f, ...participants]) {
      const counts = board(p).getByTestId('item-dot-count');
      await expect.poll(() => counts.count(), { timeout: 10_000 }).toBe(4);
      expect(
        await counts.evaluateAll((spans) => spans.map((s) => s.getAttribute('data-count'))),
      ).toEqual(['3', '1', '2', '0']);
      await board(p)
        .getByTestId('board-vote-scenarios')
        .getByText(/2 voters/)
        .waitFor();
    }
    // The live page shows it as an ordinary poll too.
    await f.getByTestId('poll-results').first().waitFor();

    await lead.context.close();
    for (const p of participants) await p.context().close();
  });
});
