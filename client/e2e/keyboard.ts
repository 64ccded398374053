import type { Page } from 'playwright-core';

/** Browser-test actions for keyboard-only use: Tab through the page, checking every focus stop. */

export interface FocusStop {
  /** A short description for failure messages: tag, role, name or text. */
  label: string;
  /** The focused element draws a ring: an outline or a box-shadow, on itself or its ::after. */
  visible: boolean;
  matches: boolean;
}

/** What has focus now, whether it shows it, and whether it matches `selector`. */
export function focusStop(page: Page, selector: string): Promise<FocusStop> {
  return page.evaluate((sel) => {
    const el = document.activeElement;
    if (!el || el === document.body) return { label: 'body', visible: false, matches: false };
    const draws = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '');
    const visible = draws(getComputedStyle(el)) || draws(getComputedStyle(el, '::after'));
    const name =
      el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim() ?? '';
    const role = el.getAttribute('role');
    return {
      label: `<${el.tagName.toLowerCase()}${role ? ` role=${role}` : ''}> "${name.slice(0, 50)}"`,
      visible,
      matches: el.matches(sel),
    };
  }, selector);
}

/**
 * Presses Tab (or Shift+Tab) until the element matching `selector` has focus, and fails if any
 * element on the way, or the target, has focus without showing it.
 */
export async function tabTo(
  page: Page,
  selector: string,
  options: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const trail: string[] = [];
  for (let i = 0; i < (options.max ?? 120); i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const stop = await focusStop(page, selector);
    trail.push(stop.label);
    if (!stop.visible) {
      throw new Error(`focus is not visible on ${stop.label} (after ${trail.join(' → ')})`);
    }
    if (stop.matches) return;
  }
  throw new Error(`${selector} never took focus; Tab went ${trail.join(' → ')}`);
}

/**
 * Fails unless the focused element matches `selector` and shows its focus, within `timeout` ms:
 * focus that moves after a render (a new thread opening) is checked once the page settles.
 */
export async function expectFocusOn(page: Page, selector: string, timeout = 2000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const stop = await focusStop(page, selector);
    if (stop.matches && stop.visible) return;
    if (Date.now() > deadline) {
      throw new Error(
        `expected visible focus on ${selector}, found ${stop.label} (${stop.visible ? 'visible' : 'not visible'})`,
      );
    }
    await page.waitForTimeout(50);
  }
}
