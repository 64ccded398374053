import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness.js';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** Computed motion of the login button (a hover transition) and of a loading spinner. */
async function motionOnLoginPage(reducedMotion: 'reduce' | 'no-preference') {
  const context = await app.browser.newContext({ baseURL: app.baseUrl, reducedMotion });
  const page: Page = await context.newPage();
  await page.goto('/login');
  await page.locator('form button[type="submit"]').waitFor();
  const motion = await page.evaluate(() => {
    const seconds = (value: string) => Math.max(...value.split(',').map((v) => parseFloat(v)));
    const button = getComputedStyle(document.querySelector('form button[type="submit"]')!);
    // The spinner of every "Loading…"; shown here for a moment so its computed style can be read.
    const spinner = document.createElement('span');
    spinner.className = 'spinner';
    document.body.append(spinner);
    const spin = getComputedStyle(spinner);
    const result = {
      buttonTransition: seconds(button.transitionDuration),
      spinnerAnimation: spin.animationName === 'none' ? 0 : seconds(spin.animationDuration),
    };
    spinner.remove();
    return result;
  });
  await context.close();
  return motion;
}

describe('reduced motion', () => {
  it('moves nothing when the system asks for reduced motion, and animates otherwise', async () => {
    // Without the preference the same elements do move: the check below can fail.
    const normal = await motionOnLoginPage('no-preference');
    expect(normal.buttonTransition).toBeGreaterThan(0);
    expect(normal.spinnerAnimation).toBeGreaterThan(0);

    const reduced = await motionOnLoginPage('reduce');
    expect(reduced).toEqual({ buttonTransition: 0, spinnerAnimation: 0 });
  });
});
