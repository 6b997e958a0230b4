/**
 * Runs axe-core (WCAG 2.1 A and AA rules and best practices) on the page and
 * fails with a readable list of the violations.
 *
 * axe-core is the version @axe-core/playwright pins, run with axe.run() in the
 * page, as AxeBuilder's legacy mode does. Every rule runs and every violation
 * is reported, as before; what is saved (measured in Chromium here):
 *  - AxeBuilder's default runPartial/finishRun opens a new blank page and
 *    injects axe's 550 KB twice for every check: 2.2 s a check against 0.5 s,
 *    with the same results (violations, passes, incomplete and inapplicable,
 *    node for node, compared on 16 page types in two display modes).
 *    finishRun exists for cross-origin iframes; the site has none, and axe is
 *    injected into every frame anyway.
 *  - resultTypes: ['violations'] keeps axe from building selectors for every
 *    node that passed (it keeps one per rule): about 30 % less time. The
 *    tests read only the violations, which are complete.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, it } from 'vitest';
import { chooseDisplay, DISPLAY_MODES } from './chromium.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = readFileSync(fromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8');

async function inject(frame: Frame): Promise<void> {
  if (await frame.evaluate('typeof window.axe?.run === "function"')) return;
  await frame.evaluate(AXE_SOURCE);
  // As AxeBuilder does in each frame; without it, frames are not checked.
  await frame.evaluate('axe.configure({ allowedOrigins: ["<same_origin>"] })');
}

/** axe's results for the page as it is now (its frames included). */
export async function axeResults(page: Page): Promise<AxeResults> {
  for (const frame of page.frames()) await inject(frame);
  const options: RunOptions = { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] };
  return page.evaluate(
    (options) =>
      (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    options,
  );
}

export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await axeResults(page);
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
  expect(summary, `axe 在 ${label} 发现无障碍问题`).toEqual([]);
}

/** Opens every <details> on the page, so folded content is checked too (a `prepare` for the function below). */
export const unfoldAll = (page: Page): Promise<void> =>
  page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));

/**
 * axe on the page in each display mode in turn (DISPLAY_MODES), each chosen in
 * the 菜单 as a reader does (chooseDisplay): one load for the three checks.
 * `prepare` runs after each switch and before axe (to open folded content,
 * or the menu, which the switch closes). Leaves the page at standard size
 * and normal contrast.
 */
export async function expectNoAxeViolationsInEveryMode(
  page: Page,
  label: string,
  prepare: (page: Page) => Promise<unknown> = async () => {},
): Promise<void> {
  for (const [mode, prefs] of DISPLAY_MODES) {
    await chooseDisplay(page, prefs);
    await prepare(page);
    await expectNoAxeViolations(page, `${label} (${mode})`);
  }
  await chooseDisplay(page, {});
}

/**
 * One test per page of `pages` ([name, path]): loaded once in `tab` (a tab the
 * block shares: these tests only read), every <details> opened, axe in every
 * display mode.
 */
export function itHasNoAxeViolationsUnfolded(
  pages: readonly (readonly [string, string])[],
  tab: () => Page,
  baseURL: string,
): void {
  it.each(pages)('%s (%s) has no violations', async (_name, path) => {
    const page = tab();
    await page.goto(baseURL + path);
    await expectNoAxeViolationsInEveryMode(page, path, unfoldAll);
  });
}
