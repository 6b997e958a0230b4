/**
 * Browser contexts for the browser tests. Chromium itself (Debian's, with the
 * flags this machine needs) is launched by scripts/lib/chromium.ts, shared
 * with the bench.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser as launchChromium } from '../../../scripts/lib/chromium.ts';
import { pageScriptsSettled } from '../../../src/lib/deferred-scripts.ts';

/**
 * V8 in the tests' Chromium compiles less and works on one thread: no
 * optimising tiers (Maglev, TurboFan; Ignition and Sparkplug still run every
 * script) and no helper threads for compiling and collecting. A test page
 * lives for seconds and runs each script a few times, so optimised code rarely
 * pays for its compilation, and `npm test` runs two test files at once on two
 * cores, where helper threads only take turns with the other file. Measured
 * here, two processes side by side each loading 10 pages and running axe in 3
 * display modes on each, three rounds alternated: 50–63 s without, 41–53 s
 * with (17 % less). One file alone, with a core to spare, gains nothing. What
 * pages do is the same (the flags change when V8 compiles, not what scripts
 * do). Not for the bench: Lighthouse measures the browser as readers have it.
 */
const TEST_FLAGS = ['--js-flags=--single-threaded --no-maglev --no-opt'];

/** Debian's Chromium for a test file; `extraFlags` as for scripts/lib/chromium.ts. */
export const launchBrowser = (extraFlags: string[] = []): Promise<Browser> =>
  launchChromium([...TEST_FLAGS, ...extraFlags]);

/** The reader's display choices as the display-settings script stores them (src/components/DisplaySettings). */
export interface DisplayPrefs {
  font?: string;
  contrast?: string;
}

/** The display modes every page type is checked in (axe): as stored, high contrast, 特大 text. */
export const DISPLAY_MODES = [
  ['normal', {}],
  ['high contrast', { contrast: 'high' }],
  ['largest font', { font: 'xlarge' }],
] as const satisfies readonly (readonly [string, DisplayPrefs])[];

/** Waits until the page's display-settings script has applied the stored choices `prefs`. */
export async function displayApplied(page: Page, prefs: DisplayPrefs): Promise<void> {
  if (prefs.contrast)
    await expect.poll(() => page.getAttribute('html', 'data-contrast'), { timeout: 5000 }).toBe(prefs.contrast);
  if (prefs.font) await expect.poll(() => page.getAttribute('html', 'data-font'), { timeout: 5000 }).toBe(prefs.font);
}

/**
 * Switches the open page to the display choices `prefs` as a reader does: in
 * the 菜单, the font button and the 高对比度 toggle (standard size and normal
 * contrast where `prefs` says nothing). Closes the menu and scrolls to the top
 * again, so the page is measured as it opens. One page load then serves every
 * mode: a journey that took a form and two function calls to reach runs once
 * instead of three times. Pages opened with stored choices are checked by
 * `newContext({ display })`.
 */
export async function chooseDisplay(page: Page, prefs: DisplayPrefs): Promise<void> {
  const font = prefs.font ?? 'standard';
  const contrast = prefs.contrast ?? 'normal';
  // One round trip: what applies now, with the menu opened only when a button must be pressed.
  const now = await page.evaluate(
    ([font, contrast]) => {
      const root = document.documentElement;
      const same = root.dataset.font === font && root.dataset.contrast === contrast;
      const menu = document.querySelector<HTMLDetailsElement>('details[data-site-menu]');
      if (menu) menu.open = !same;
      if (same) window.scrollTo(0, 0);
      return { font: root.dataset.font, contrast: root.dataset.contrast };
    },
    [font, contrast] as const,
  );
  if (now.font === font && now.contrast === contrast) return;
  const panel = page.locator('[data-display-settings]');
  if (now.font !== font) await panel.locator(`button[data-font="${font}"]`).click();
  if (now.contrast !== contrast) await panel.locator('button[data-contrast]').click();
  await page.evaluate(() => {
    const menu = document.querySelector<HTMLDetailsElement>('details[data-site-menu]');
    if (menu) menu.open = false;
    window.scrollTo(0, 0);
  });
  await displayApplied(page, { font, contrast });
}

/**
 * Waits until the page's own scripts have run, or failed to load (some
 * tests keep them out on purpose): they load after its first paint
 * (src/lib/deferred-scripts.ts), so after the load event Playwright waits
 * for, and the loader then marks `<html data-page-scripts>` "ready" or
 * "failed", which is returned. A page without such scripts passes at once.
 */
export async function pageScriptsReady(page: Page): Promise<string | undefined> {
  const state = await page.waitForFunction(pageScriptsSettled, undefined, { timeout: 30_000 });
  const value = await state.jsonValue();
  return typeof value === 'string' ? value : undefined;
}

type Navigation = 'goto' | 'reload' | 'goBack' | 'goForward';

/**
 * Makes the page's goto, reload, goBack and goForward, when they wait for
 * the load event (Playwright's default), also wait for the page's own
 * scripts (pageScriptsReady), as they did when those ran before `load`.
 * Tests that navigate by clicking, and need the new page's scripts, call
 * pageScriptsReady themselves; a test that asks for an earlier moment
 * (`waitUntil: 'commit'`, `'domcontentloaded'`) gets it.
 */
const waiting = new WeakSet<Page>();
function waitForPageScripts(page: Page): Page {
  if (waiting.has(page)) return page;
  waiting.add(page);
  for (const name of ['goto', 'reload', 'goBack', 'goForward'] as const satisfies readonly Navigation[]) {
    const navigate = page[name].bind(page) as (...args: unknown[]) => ReturnType<Page[Navigation]>;
    Object.assign(page, {
      [name]: async (...args: unknown[]) => {
        const response = await navigate(...args);
        const options = args.find((a): a is { waitUntil?: string } => typeof a === 'object' && a !== null);
        if ((options?.waitUntil ?? 'load') === 'load') await pageScriptsReady(page);
        return response;
      },
    });
  }
  return page;
}

/**
 * A browser context in Chinese at phone size; with `display`, every page in it
 * starts with those display choices already stored, as for a reader who made
 * them on an earlier visit. Its pages' navigations wait for the pages' own
 * scripts (waitForPageScripts).
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions & { display?: DisplayPrefs } = {},
): Promise<BrowserContext> {
  const { display, ...rest } = options;
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, ...rest });
  // Playwright's 30 s is too short for /admin/ (Decap, 5 MB of script) on a busy 2-core machine.
  context.setDefaultNavigationTimeout(60_000);
  // Pages opened by the test (newPage) and by the site (popups); without JavaScript there is nothing to wait for.
  if (rest.javaScriptEnabled !== false) {
    const newPage = context.newPage.bind(context);
    context.newPage = async () => waitForPageScripts(await newPage());
    context.on('page', waitForPageScripts);
  }
  if (display?.font || display?.contrast) {
    await context.addInitScript((p) => {
      if (p.font) localStorage.setItem('ts-font', p.font);
      if (p.contrast) localStorage.setItem('ts-contrast', p.contrast);
    }, display);
  }
  return context;
}

/**
 * One tab shared by the tests of the enclosing describe block, in a context
 * made by `makeContext` before them and closed after them; tests call the
 * returned function to get it. For tests that only read pages, each loading
 * its own page in this tab: a new context per test costs 0.3–0.5 s and
 * proves nothing more there. Tests that click, type, store or change
 * settings keep a context of their own.
 */
export function sharedPage(makeContext: () => Promise<BrowserContext>): () => Page {
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    context = await makeContext();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close().catch(() => {}); // already closed with the browser
  });
  return () => {
    if (!page) throw new Error('sharedPage(): the page exists only inside the describe block’s tests');
    return page;
  };
}

/** A download's bytes, read through Playwright's stream (which also works with a browser on another machine). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
