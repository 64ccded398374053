import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './axe.js';
import { startApp, type AppUnderTest } from './harness.js';

const catalog = (path: string) =>
  JSON.parse(readFileSync(new URL(`../src/i18n/locales/${path}`, import.meta.url), 'utf8'));
const en = catalog('en.json');
const audit = catalog('audit/en.json');
const exportCatalog = catalog('export/en.json');

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/**
 * RFC 4180, as the server's CSV writer quotes: fields in double quotes when they hold a comma,
 * a quote or a line break, a quote doubled inside. Enough to read the download back.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\n') {
      endField();
      rows.push(row.map((f) => f.replace(/\r$/, '')));
      row = [];
    } else {
      field += c;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** The audit table's row for one action whose text holds all of `texts`. */
function rowOf(page: Page, action: string, ...texts: string[]): Locator {
  let rows = page.locator('tbody tr').filter({
    has: page.getByRole('cell', { name: audit.actions[action], exact: true }),
  });
  for (const text of texts) rows = rows.filter({ hasText: text });
  return rows;
}

describe('the audit log in the browser', () => {
  it('shows an administrator the sign-in, a role change and an export; filters; downloads CSV', async () => {
    const { page, context } = await app.newPage();
    try {
      await app.login(page, 'admin@polisee.test');
      const users = (await (await page.request.get('/api/users')).json()).items as {
        id: string;
        email: string;
        name: string;
      }[];
      const member = users.find((u) => u.email === 'member@polisee.test')!;
      const group = 'WG1 — Joint strategy and foresight';

      // A role change, through the admin page's membership form.
      await page.goto('/admin');
      const form = page.locator('section[aria-labelledby="membership-form-title"]');
      await form.locator('select[name="userId"]').selectOption(member.id);
      await form.locator('select[name="workingGroupId"]').selectOption({ label: group });
      const current = (role: string) =>
        form.getByText(en.admin.membership.currentRole.replace('{{role}}', en.roles[role]));
      await current('wg_member').waitFor();
      await form.locator('select[name="role"]').selectOption('observer');
      await form.locator('button[type="submit"]').click();
      await current('observer').waitFor();

      // An export as Markdown, through the document's export dialog.
      const documents = (await (await page.request.get('/api/documents')).json()).items as {
        id: string;
        title: string;
      }[];
      const exported = documents[0]!;
      await page.goto(`/documents/${exported.id}`);
      await page.getByTestId('export-open').click();
      const dialog = page.getByTestId('export-dialog');
      await dialog.locator('input[name="export-format"][value="md"]').check();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        dialog.locator('button[type="submit"]').click(),
      ]);
      const markdown = readFileSync((await file.path())!, 'utf8');
      expect(markdown.startsWith(`# ${exported.title}\n`)).toBe(true);

      // The audit log, through the admin page's link.
      await page.goto('/admin');
      await page.getByRole('link', { name: audit.open, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/admin/audit');
      await page.getByRole('heading', { level: 1, name: audit.title }).waitFor();

      // Each entry names the person, the action and what it was about, not ids.
      await rowOf(page, 'auth.signed_in', 'Ana Admin').first().waitFor();
      const roleChange = rowOf(page, 'membership.role_changed', 'Ana Admin', member.name);
      await expect.poll(() => roleChange.count()).toBe(1);
      const roleDetails = await roleChange.innerText();
      expect(roleDetails).toContain(`${audit.detailKeys.role}: ${en.roles.observer}`);
      expect(roleDetails).toContain(`${audit.detailKeys.workingGroupId}: ${group}`);
      const exportRow = rowOf(page, 'document.exported', 'Ana Admin', exported.title);
      await expect.poll(() => exportRow.count()).toBe(1);
      const exportDetails = await exportRow.innerText();
      expect(exportDetails).toContain(`${audit.detailKeys.format}: ${exportCatalog.formats.md}`);
      expect(exportDetails).not.toContain(exported.id);
      await expectNoSeriousViolations(page, 'the audit log');

      // Filtered by action: only role changes are listed.
      await page.getByLabel(audit.action, { exact: true }).selectOption('membership.role_changed');
      await page.getByRole('button', { name: audit.apply, exact: true }).click();
      await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
      await expect(roleChange.count()).resolves.toBe(1);

      // The CSV download holds the same filter: the header, then that one entry.
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: audit.downloadCsv, exact: true }).click(),
      ]);
      expect(csv.suggestedFilename()).toMatch(/^polisee-audit-\d{4}-\d{2}-\d{2}\.csv$/);
      const [header, ...rows] = parseCsv(
        readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''),
      );
      expect(header).toEqual([
        'at',
        'action',
        'actorId',
        'actorName',
        'organisationId',
        'organisationName',
        'address',
        'targetType',
        'targetId',
        'details',
      ]);
      expect(rows).toHaveLength(1);
      const entry = Object.fromEntries(header!.map((column, i) => [column, rows[0]![i]]));
      expect(entry).toMatchObject({
        action: 'membership.role_changed',
        actorName: 'Ana Admin',
        targetType: 'user',
        targetId: member.id,
        address: '127.0.0.1',
      });
      expect(JSON.parse(entry.details!)).toMatchObject({ role: 'observer' });
    } finally {
      await context.close();
    }
  });

  it('refuses a member: the page says so and the API answers 403', async () => {
    const { page, context } = await app.newPage();
    try {
      await app.login(page, 'member@polisee.test');
      await page.goto('/admin/audit');
      await page.getByRole('alert').getByText(audit.notAllowed).waitFor();
      expect(await page.locator('table').count()).toBe(0);
      expect((await page.request.get('/api/audit')).status()).toBe(403);
      expect((await page.request.get('/api/audit/export.csv')).status()).toBe(403);
      await expectNoSeriousViolations(page, 'the audit log, refused');
    } finally {
      await context.close();
    }
  });
});
