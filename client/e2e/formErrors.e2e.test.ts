import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import el from '../src/i18n/locales/el.json';
import { startApp, type AppUnderTest } from './harness.js';

/**
 * Issue 13, part 6, in the browser: field errors speak the reader's language, whether the form's
 * own check found them (the same contract schema the server uses) or the server did (a code per
 * field, never zod's English). The reader switches the UI to Greek first.
 */
let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const fields = el.errors.fields;

describe('field errors in Greek', () => {
  it('shows the form’s own and the server’s field errors in Greek at their fields', async () => {
    const { context, page } = await app.newPage();
    await app.login(page, 'lead@polisee.test');
    // The choice is saved as the user's preference, so it holds across the page load below.
    const saved = page.waitForResponse(
      (res) => res.url().endsWith('/api/me') && res.request().method() === 'PATCH',
    );
    await page.locator('select[name="language"]').first().selectOption('el');
    expect((await saved).status()).toBe(200);
    await page.goto('/documents/new');
    const form = page.locator('form[aria-labelledby="create-form-title"]');
    await form.waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'el');
    const submit = form.locator('button[type="submit"]');

    // Caught in the browser: nothing chosen, nothing typed.
    await form.locator('#doc-title').fill('   ');
    await submit.click();
    await expect.poll(() => page.locator('#doc-title-error').textContent()).toBe(fields.required);
    await expect(page.locator('#doc-kind-error').textContent()).resolves.toBe(fields.required);
    await expect(page.locator('#doc-title').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#doc-title').getAttribute('aria-describedby')).resolves.toContain(
      'doc-title-error',
    );
    await form.getByText(el.forms.pickPriority).waitFor();

    // Caught by the server: a working group that no longer exists (deleted while the form was
    // open) passes the form's check, and the server names the field by a code.
    await form.locator('#doc-title').fill('Στρατηγική 2040');
    await form.locator('#doc-kind').selectOption({ index: 1 });
    await page.locator('#doc-group').evaluate((select: HTMLSelectElement) => {
      select.add(new Option('Διαγραμμένη ομάδα', 'no-such-group'));
    });
    await form.locator('#doc-group').selectOption('no-such-group');
    await form.locator('input[name="thematicPriorities"]').first().check();
    const answer = page.waitForResponse(
      (res) => res.url().endsWith('/api/documents') && res.request().method() === 'POST',
    );
    await submit.click();
    const response = await answer;
    expect(response.status()).toBe(400);
    expect((await response.json()).error.details).toContainEqual(
      expect.objectContaining({ path: 'workingGroupId', code: 'invalid_value' }),
    );
    await expect
      .poll(() => page.locator('#doc-group-error').textContent())
      .toBe(fields.invalidValue);
    await expect(page.locator('#doc-group').getAttribute('aria-invalid')).resolves.toBe('true');
    // The form's own errors are gone once their fields are right.
    await expect(page.locator('#doc-title-error').count()).resolves.toBe(0);
    await context.close();
  });
});
