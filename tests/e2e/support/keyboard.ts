/**
 * Keyboard-only use in browser tests: focus checks, reaching an element with
 * Tab alone, and failing on any dialog (适老化: no pop-ups, ever).
 */
import type { Page } from 'playwright-core';

/** Whether the focused element matches `selector`. */
export const active = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate((s) => !!document.activeElement?.matches(s), selector);

/** Presses Tab until the element matching `selector` has focus; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await active(page, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Any alert, confirm or prompt fails the test. */
export function noDialogs(page: Page): void {
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
}
