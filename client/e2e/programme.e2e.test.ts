import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, describeViolations } from './axe.js';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

interface MatrixCells {
  documentId: string;
  matrixId: string;
  /** Row ids by priority, criterion ids by DAC criterion (the template's 6 × 6 matrix). */
  rows: Record<string, string>;
  criteria: Record<string, string>;
}

/** A policy assessment (its template holds a 6 × 6 matrix) in the group the lead leads. */
function createAssessment(p: Page, title: string): Promise<MatrixCells> {
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
        thematicPriorities: ['financing'],
        language: 'en',
      }),
    });
    const documentId = (await res.json()).id as string;
    const blocks = await (await fetch(`/api/documents/${documentId}/blocks`)).json();
    const matrix = blocks.matrices[0];
    return {
      documentId,
      matrixId: matrix.matrixId as string,
      rows: Object.fromEntries(
        matrix.rows.map((r: { rowId: string; priority: string }) => [r.priority, r.rowId]),
      ),
      criteria: Object.fromEntries(
        matrix.criteria.map((c: { criterionId: string; dac: string }) => [c.dac, c.criterionId]),
      ),
    };
  }, title);
}

/** Scores one cell through the REST API, as the signed-in user of `p`. */
async function score(p: Page, m: MatrixCells, priority: string, dac: string, value: number) {
  const status = await p.evaluate(
    async ({ url, body }) =>
      (
        await fetch(url, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    {
      url: `/api/documents/${m.documentId}/assessments/${m.matrixId}/scores`,
      body: { rowId: m.rows[priority], criterionId: m.criteria[dac], score: value },
    },
  );
  expect(status).toBe(200);
}

async function reveal(p: Page, m: MatrixCells) {
  const status = await p.evaluate(
    async (url) => (await fetch(url, { method: 'POST' })).status,
    `/api/documents/${m.documentId}/assessments/${m.matrixId}/reveal`,
  );
  expect(status).toBe(200);
}

const cell = (p: Page, priority: string, country: string) =>
  p.getByTestId(`heat-${priority}-${country}`);

describe('programme view in the browser', () => {
  it('aggregates two revealed assessments by priority and country, and drills down to both', async () => {
    // The strategy group's lead (Greece) and member (Romania) score; the lead reveals.
    const lead = await app.newPage();
    const member = await app.newPage();
    await app.login(lead.page, 'lead@polisee.test');
    await app.login(member.page, 'member@polisee.test');
    const first = await createAssessment(lead.page, 'Assessment of cluster financing in 2025');
    const second = await createAssessment(lead.page, 'Assessment of regional funds');
    await score(lead.page, first, 'financing', 'relevance', 4);
    await score(member.page, first, 'financing', 'relevance', 2);
    await score(lead.page, second, 'financing', 'relevance', 2);
    await score(member.page, second, 'financing', 'relevance', 5);
    await score(lead.page, second, 'innovation', 'impact', 3);
    await reveal(lead.page, first);
    await reveal(lead.page, second);

    // The main navigation leads there.
    const p = lead.page;
    await p.goto('/');
    await p.getByRole('navigation').getByRole('link', { name: 'Programme view' }).click();
    await p.waitForURL('**/programme');
    const table = p.getByTestId('programme-heatmap');
    await table.waitFor();
    expect(await p.getByTestId('programme-sources').innerText()).toContain(
      'Assessments: 2 · Matrices: 2 · Scores: 5',
    );
    // Priorities by name as rows, countries by name as columns.
    expect(await table.getByRole('rowheader', { name: 'Cluster financing' }).count()).toBe(1);
    expect(await table.getByRole('columnheader', { name: 'Greece' }).count()).toBe(1);
    expect(await table.getByRole('columnheader', { name: 'Romania' }).count()).toBe(1);
    // Greece: 4 and 2; Romania: 2 and 5 — each from both assessments.
    expect(await cell(p, 'financing', 'GR').innerText()).toMatch(/3\.0\s+2 assessments/);
    expect(await cell(p, 'financing', 'RO').innerText()).toMatch(/3\.5\s+2 assessments/);
    expect(await cell(p, 'innovation', 'GR').innerText()).toMatch(/3\.0\s+1 assessment/);
    expect(await cell(p, 'innovation', 'RO').count()).toBe(0);
    expect(await table.getByText('No assessment').count()).toBeGreaterThan(0);

    // A cell is reached and opened with the keyboard.
    await cell(p, 'financing', 'RO').focus();
    await p.keyboard.press('Enter');
    const drill = p.getByTestId('programme-drilldown');
    await drill.getByRole('heading', { name: 'Cluster financing (country: Romania)' }).waitFor();
    await drill.getByTestId('programme-drilldown-sources').waitFor();
    expect(await drill.getByTestId('programme-drilldown-summary').innerText()).toBe(
      'Mean score: 3.5 · Scores: 2 · Assessments: 2',
    );
    const sources = drill.getByTestId('programme-drilldown-sources');
    // The heatmap with its drill-down open passes the accessibility audit.
    const violations = await auditPage(p);
    expect(violations, describeViolations(violations)).toEqual([]);
    const rows = await sources.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      /Assessment of cluster financing in 2025.*Cluster financing\s+Relevance\s+2\.0\s+1/s,
    );
    expect(rows[1]).toMatch(
      /Assessment of regional funds.*Cluster financing\s+Relevance\s+5\.0\s+1/s,
    );
    await sources.getByRole('link', { name: 'Assessment of regional funds' }).click();
    await p.waitForURL(`**/documents/${second.documentId}`);

    // One criterion only: impact leaves innovation in Greece alone.
    await p.goto('/programme?criterion=impact');
    await cell(p, 'innovation', 'GR').waitFor();
    expect(await cell(p, 'financing', 'GR').count()).toBe(0);

    for (const { context } of [lead, member]) await context.close();
  });
});
