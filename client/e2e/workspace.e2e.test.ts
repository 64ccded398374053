import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness.js';

const catalog = (language: string) =>
  JSON.parse(
    readFileSync(new URL(`../src/i18n/locales/${language}.json`, import.meta.url), 'utf8'),
  );
const el = catalog('el');
const bg = catalog('bg');

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** Signs in and switches the interface to `language` with the header's switcher. */
async function signInAndSwitchTo(page: Page, email: string, language: string) {
  await app.login(page, email);
  await page.locator('select[name="language"]').first().selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

describe('workspace foundation in the browser', () => {
  it('a WG member reads the workspace in Greek, creates a foresight exercise and finds it by priority', async () => {
    const { page, context } = await app.newPage();
    try {
      // Switch the UI to Greek: the page language and the priority names follow at once.
      await signInAndSwitchTo(page, 'member@polisee.test', 'el');
      const innovation = page.locator('[data-priority="innovation"]');
      await innovation.getByText(el.priorities.innovation.name, { exact: true }).first().waitFor();

      // The working group's documents, grouped by thematic priority on the dashboard.
      const innovationDocs = innovation.locator('[data-document-id]');
      await innovationDocs.first().waitFor();
      const skillsDocs = page.locator('[data-priority="skills"] [data-document-id]');
      await skillsDocs.first().waitFor();
      // Each group lists only documents that carry its priority (a broken grouping that lists
      // every document under every priority fails here).
      const listed = async (priority: string) =>
        page
          .locator(`[data-priority="${priority}"] [data-document-id]`)
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-document-id')));
      const priorities = new Map<string, string[]>(
        (await page.evaluate(async () => (await fetch('/api/documents')).json())).items.map(
          (d: { id: string; thematicPriorities: string[] }) => [d.id, d.thematicPriorities],
        ),
      );
      for (const priority of ['innovation', 'skills']) {
        const ids = await listed(priority);
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) expect(priorities.get(id!), id!).toContain(priority);
      }

      // Create a foresight exercise from its template.
      await page.getByTestId('new-document').first().click();
      await page.locator('input[name="title"]').fill('Σενάρια συνεργατικών σχηματισμών 2040');
      await page.locator('select[name="kind"]').selectOption('foresight_exercise');
      const groupSelect = page.locator('select[name="workingGroupId"]');
      const groupValue = await groupSelect
        .locator('option:not([value=""])')
        .first()
        .getAttribute('value');
      await groupSelect.selectOption(groupValue!);
      await page.locator('select[name="language"]').last().selectOption('el');
      await page.locator('input[name="thematicPriorities"][value="skills"]').check();
      await page.locator('form button[type="submit"]').last().click();
      await page.waitForURL(/\/documents\/(?!new)[^/?]+$/);
      const documentId = new URL(page.url()).pathname.split('/').pop()!;

      // The new document carries its Greek template content, written once by the server.
      const template = (await (
        await page.request.get('/api/templates/foresight_exercise?language=el')
      ).json()) as {
        sections: { heading: string }[];
      };
      await page.getByText(template.sections[0]!.heading, { exact: true }).first().waitFor();

      // Find it in the catalogue filtered by priority.
      await page.goto('/documents');
      await page.locator('select[name="priority"]').selectOption('skills');
      await page.locator(`[data-document-id="${documentId}"]`).first().waitFor();
      expect(new URL(page.url()).searchParams.get('priority')).toBe('skills');
      await page.locator('select[name="priority"]').selectOption('financing');
      await page
        .locator(`[data-document-id="${documentId}"]`)
        .first()
        .waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  it('the header fits the screen from a phone to a laptop, in a long language, and the account menu signs out', async () => {
    const { page, context } = await app.newPage();
    try {
      await signInAndSwitchTo(page, 'admin@polisee.test', 'bg');
      const accountButton = page.locator('button[aria-controls="user-menu-panel"]');
      const navToggle = page.locator('button[aria-controls="primary-nav"]');
      const adminLink = page.locator('#primary-nav a[href="/admin"]');
      for (const width of [1280, 1000, 390]) {
        await page.setViewportSize({ width, height: 800 });
        // Nothing pushed past the right edge: the page does not scroll sideways.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${width} px`).toBe(0);
        const account = (await accountButton.boundingBox())!;
        expect(account.x + account.width, `${width} px`).toBeLessThanOrEqual(width);
        // The last link (the admin's) is on screen, behind the menu button on a phone.
        if (await navToggle.isVisible()) {
          await navToggle.click();
          await adminLink.waitFor();
        }
        const link = (await adminLink.boundingBox())!;
        expect(link.x + link.width, `${width} px`).toBeLessThanOrEqual(width);
        if (await navToggle.isVisible()) await navToggle.click();
      }
      await accountButton.click();
      await page.getByRole('button', { name: bg.nav.logout }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/login'));
    } finally {
      await context.close();
    }
  });
});
