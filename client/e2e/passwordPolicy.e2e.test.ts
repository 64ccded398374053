import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ro from '../src/i18n/locales/ro.json';
import { DEMO_PASSWORD, startApp, type AppUnderTest } from './harness.js';

/**
 * Issue 11, finding 10, in the browser: a weak new password is refused and the form says why,
 * in the reader's language. Ioana Ionescu (the seeded financing lead) reads the app in Romanian.
 */
let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const EMAIL = 'lead.financing@polisee.test';
const weak = ro.errors.passwordWeaknesses;

describe('changing a password in the browser', () => {
  it('shows the translated reason for a weak password, and takes a strong one', async () => {
    const { context, page } = await app.newPage();
    await app.login(page, EMAIL);
    await page.goto('/settings');
    const form = page.locator('section[aria-labelledby="password-title"]');
    const newPasswordError = page.locator('#new-password-error');

    async function submit(newPassword: string) {
      await form.locator('#current-password').fill(DEMO_PASSWORD);
      await form.locator('#new-password').fill(newPassword);
      await form.locator('#confirm-password').fill(newPassword);
      await form.locator('button[type="submit"]').click();
    }

    // Refused by the server, which says why; the field says it in Romanian.
    await submit('aaaaaaaaaaaa');
    await expect.poll(() => newPasswordError.textContent()).toBe(weak.predictable);
    await expect(form.locator('#new-password').getAttribute('aria-invalid')).resolves.toBe('true');
    await submit(EMAIL);
    await expect.poll(() => newPasswordError.textContent()).toBe(weak.contains_email);
    // Too short is caught before asking the server.
    await submit('Zk3$pQ9!vL');
    await expect
      .poll(() => newPasswordError.textContent())
      .toBe(weak.too_short.replace('{{min}}', '12'));

    await submit('harbour violet kettle 1903');
    await form.getByText(ro.settings.passwordChanged).waitFor();
    await expect(newPasswordError.count()).resolves.toBe(0);
    await context.close();

    const again = await app.newPage();
    await again.page.goto('/login');
    await again.page.locator('input[name="email"]').fill(EMAIL);
    await again.page.locator('input[name="password"]').fill('harbour violet kettle 1903');
    await again.page.locator('form button[type="submit"]').click();
    await again.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await again.context.close();
  });
});
