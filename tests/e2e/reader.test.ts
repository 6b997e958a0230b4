/**
 * The site as an older reader on a phone (390 × 844) meets it, on every page
 * type, static and function-rendered: the page's own heading on the first
 * screen at standard size and at 特大, with and without JavaScript; the 菜单
 * by keyboard; no sideways scrolling at 320 px; the site title never leaving
 * one character alone on a line; high contrast that holds for every text,
 * control and focus ring (computed colours against the effective background);
 * axe in all three display modes; touch targets of 44 px at every text size;
 * the receipt on one line; and printed pages that stand alone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { chooseDisplay, launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';
import { active, noDialogs } from './support/keyboard.ts';
import {
  contrastProblems,
  fillForm,
  focusRingProblems,
  headingTop,
  loneCharacterLines,
  smallTargets,
} from './support/reader.ts';
import { legalAidSelf } from '../fixtures/applications.ts';
import { CONTRAST_KEY, FONT_KEY } from '../../src/components/DisplaySettings/settings.ts';

const baseURL = inject('baseURL');
const POLL = { timeout: 30_000, interval: 250 };
const LONG = 300_000;
const ARTICLE = '/cases/unpaid-wages-contractor-fled/';
const PHONE = legalAidSelf().phone as string;

/** Every page type by address; the function-rendered ones reached by a journey follow in STATES. */
const PAGES: [string, string][] = [
  ['home', '/'],
  ['plan', '/plan/'],
  ['services', '/services/'],
  ['service guide', '/services/legal-aid/'],
  ['information-only service', '/services/community-correction/'],
  ['case list', '/cases/'],
  ['case filter', '/cases/topic/campus-safety/'],
  ['case article', ARTICLE],
  ['directory', '/directory/'],
  ['town', '/directory/town/dajiang/'],
  ['office', '/directory/taishan-legal-aid-office/'],
  ['search', '/search/'],
  ['online services', '/apply/'],
  ['application start', '/apply/legal-aid/'],
  ['eligibility check', '/apply/legal-aid/check/'],
  ['application form', '/apply/legal-aid/form/'],
  ['start page with 快速离开', '/apply/mediation/'],
  ['form with 快速离开', '/apply/mediation/form/'],
  ['法律咨询', '/consult/'],
  ['常见问答', '/qa/'],
  ['English page', '/en/notarisation/'],
  ['繁體 page', '/zh-hant/cases/unpaid-wages-contractor-fled/'],
  ['status lookup', '/apply/status/'],
  ['privacy', '/privacy/'],
  ['review list', '/review/'],
  ['not found', '/no-such-page/'],
  ['statistics (function)', '/stats/'],
  ['confirmation opened later (function)', '/apply/legal-aid/done/?receipt=FY-20261127-7K3Q9P'],
];

let browser: Browser;
/** A request made once, for the status pages. */
let receipt = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await confirmation(page);
  receipt = (await page.locator('[data-receipt]').textContent())!;
  await context.close();
}, LONG);
afterAll(async () => {
  await browser?.close();
});

// ------------------------------------------------------------------ journeys

/** The page scripts of the form and status pages are kept out, so the functions render the steps. */
async function withoutPageScripts(page: Page): Promise<void> {
  await page.route(/\/_astro\/(ApplyForm|status)\.astro_astro_type_script/, (route) => route.abort());
}

async function checkStep(page: Page): Promise<void> {
  await page.goto(`${baseURL}/apply/legal-aid/form/`);
  await fillForm(page, 'form[data-apply-form]', legalAidSelf());
  await page.locator('form[data-apply-form] button[type="submit"]').click();
  await page.locator('main h1', { hasText: '请核对填写的内容' }).waitFor(POLL);
}

async function confirmation(page: Page): Promise<void> {
  await checkStep(page);
  await page.locator('[data-confirm], button[name="_step"][value="submit"]').first().click();
  await page.waitForSelector('[data-receipt]', POLL);
}

async function statusResult(page: Page): Promise<void> {
  await page.goto(`${baseURL}/apply/status/`);
  await page.locator('#f-receipt').fill(receipt);
  await page.locator('#f-phone').fill(PHONE);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.locator('#status-title').waitFor(POLL);
}

async function searchResults(page: Page): Promise<void> {
  await page.goto(`${baseURL}/search/?q=${encodeURIComponent('法律援助')}`);
  await page.locator('[data-search-more]').waitFor({ state: 'visible', ...POLL });
}

async function formWithErrors(page: Page): Promise<void> {
  await page.goto(`${baseURL}/apply/legal-aid/form/`);
  await page.locator('form[data-apply-form] button[type="submit"]').click();
  await page.locator('[data-error-summary]').waitFor(POLL);
}

interface State {
  name: string;
  open: (page: Page) => Promise<void>;
  /** Reached through a function's answer: the page scripts are kept out. */
  functions?: boolean;
  /** What must be on the first screen, when not the heading: the error summary comes before it. */
  first?: string;
}

const STATES: State[] = [
  ...PAGES.map(([name, path]) => ({ name, open: (p: Page) => p.goto(baseURL + path).then(() => {}) })),
  { name: 'search results with 显示更多结果', open: searchResults },
  { name: 'form with errors (script)', open: formWithErrors, first: '[data-error-summary]' },
  { name: 'check your answers (script)', open: checkStep },
  { name: 'confirmation (script)', open: confirmation },
  { name: 'check your answers (function)', open: checkStep, functions: true },
  { name: 'confirmation with 撤回/更正 (function)', open: confirmation, functions: true },
  { name: 'status result (function)', open: statusResult, functions: true },
];

/**
 * Opens a state in `page`: a tab the tests of a block share, since a new tab
 * costs a renderer process (about 0.5 s here, as much as the page itself).
 * Routes a state set up are dropped first.
 */
async function openState(page: Page, state: State): Promise<void> {
  await page.unrouteAll();
  if (state.functions) await withoutPageScripts(page);
  await state.open(page);
  // The steps a function renders arrive by navigation: measure once their stylesheet is in.
  await page.waitForLoadState('load');
}

/** One tab for the tests of the enclosing block, in a fresh context made by `make`; any dialog fails. */
function tabIn(make: () => Promise<BrowserContext>): () => Page {
  const tab = sharedPage(make);
  beforeAll(() => noDialogs(tab()));
  return tab;
}

const openMenu = (page: Page) =>
  page.evaluate(() => {
    const menu = document.querySelector<HTMLDetailsElement>('details[data-site-menu]');
    if (menu) menu.open = true;
  });

// ------------------------------------------------------------------ every page type, in each display mode

/** The display modes, each with how far down the page's heading may start. */
const MODES: [string, DisplayPrefs, number][] = [
  ['standard size', {}, 250],
  ['high contrast', { contrast: 'high' }, 250],
  ['特大', { font: 'xlarge' }, 600],
];

/**
 * One visit per page type, every display mode on it, chosen in the 菜单 as a
 * reader does (chooseDisplay): the heading on the first screen (250 px at
 * standard size and in high contrast, 600 px at 特大), axe with the menu open,
 * in high contrast the colour walk, and at 320 px wide, at standard size and
 * at 特大, no sideways scrolling with the menu open. Opening a page with the
 * choices already stored is checked below (touch targets, the receipt, wide
 * screens) and by the other browser tests' axe runs.
 */
describe('every page type, in each display mode', () => {
  const tab = tabIn(() => newContext(browser));
  it.each(STATES.map((s) => [s.name, s] as const))(
    '%s: heading within 250 px (特大 600 px), axe clean, every colour distinct in high contrast, fits 320 px',
    async (_name, state) => {
      const page = tab();
      await page.setViewportSize({ width: 390, height: 844 });
      await openState(page, state);
      for (const [mode, prefs, limit] of MODES) {
        await chooseDisplay(page, prefs);
        const top = await headingTop(page, state.first);
        expect(top, `${state.name} (${mode}): ${state.first ?? 'main h1'}`).toBeGreaterThan(0);
        expect(top, `${state.name} (${mode}): ${state.first ?? 'main h1'}`).toBeLessThanOrEqual(limit);
        if (prefs.contrast) {
          const problems = [...(await contrastProblems(page)), ...(await focusRingProblems(page, 'main'))];
          await openMenu(page);
          problems.push(...(await contrastProblems(page, 'header')), ...(await focusRingProblems(page, 'header')));
          expect(problems, state.name).toEqual([]);
        }
        await openMenu(page);
        await expectNoAxeViolations(page, `${state.name} (${mode})`);
      }
      // Narrowest phones, at 特大 (where it was left) and at standard size, with the menu open.
      await page.setViewportSize({ width: 320, height: 700 });
      for (const prefs of [{ font: 'xlarge' }, {}]) {
        await chooseDisplay(page, prefs);
        await openMenu(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${state.name} at 320 px${prefs.font ? ', 特大' : ''}`).toBeLessThanOrEqual(0);
      }
    },
    LONG,
  );
});

describe('every page type without JavaScript', () => {
  const tab = tabIn(() => newContext(browser, { javaScriptEnabled: false }));
  it.each(
    STATES.filter((s) => !s.name.includes('(script)') && !s.name.startsWith('search results')).map(
      (s) => [s.name, s] as const,
    ),
  )('%s: heading within 250 px, fits 320 px with the menu open', async (_name, state) => {
    const page = tab();
    await page.setViewportSize({ width: 390, height: 844 });
    await state.open(page);
    await page.waitForLoadState('load');
    const top = await headingTop(page);
    expect(top, state.name).toBeGreaterThan(0);
    expect(top, state.name).toBeLessThanOrEqual(250);
    await page.locator('summary.site-menu__toggle').click();
    await page.setViewportSize({ width: 320, height: 700 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
});

describe('wide screens keep the navigation in view and the heading high', () => {
  it.each<[string, DisplayPrefs, number]>([
    ['standard size', {}, 250],
    ['特大', { font: 'xlarge' }, 600],
  ])('%s at 1280 × 800', async (_mode, prefs, limit) => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 }, display: prefs });
    const page = await context.newPage();
    for (const path of ['/', '/services/legal-aid/', ARTICLE, '/apply/legal-aid/form/']) {
      await page.goto(baseURL + path);
      if (prefs.font) await expect.poll(() => page.getAttribute('html', 'data-font'), POLL).toBe(prefs.font);
      expect(await headingTop(page), path).toBeLessThanOrEqual(limit);
      const nav = page.getByRole('navigation', { name: '主导航' });
      expect(await nav.getByRole('link', { name: '以案说法' }).isVisible(), path).toBe(true);
    }
    await context.close();
  });
});

// ------------------------------------------------------------------ the menu

/** The menu button's expanded state as the browser reports it to screen readers. */
async function menuExpanded(page: Page): Promise<boolean | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      name?: { value?: string };
      role?: { value?: string };
      properties?: { name: string; value: { value: unknown } }[];
    }[];
  };
  const node = nodes.find((n) => n.name?.value === '菜单' && n.role?.value !== 'StaticText');
  await cdp.detach();
  return node?.properties?.find((p) => p.name === 'expanded')?.value.value as boolean | undefined;
}

describe('菜单 by keyboard', () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ] as const)('%s: reached by Tab, opened and closed, its state announced, no trap', async (_name, js) => {
    const context = await newContext(browser, { javaScriptEnabled: js });
    const page = await context.newPage();
    noDialogs(page);
    await page.goto(`${baseURL}/services/`);
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.isVisible()).toBe(false);
    // Skip link, the site's name, then 菜单.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await active(page, 'summary.site-menu__toggle')).toBe(true);
    expect(await menuExpanded(page)).toBe(false);
    await page.keyboard.press('Enter');
    expect(await nav.isVisible()).toBe(true);
    expect(await menuExpanded(page)).toBe(true);
    // The menu does not hold focus: Tab goes through it (the language switch first) and on to the page.
    await page.keyboard.press('Tab');
    expect(await active(page, '.site-menu .language-switch a')).toBe(true);
    if (js) {
      await page.keyboard.press('Escape');
      expect(await active(page, 'summary.site-menu__toggle')).toBe(true);
    } else {
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
    }
    expect(await nav.isVisible()).toBe(false);
    expect(await menuExpanded(page)).toBe(false);
    // Opened again with Space, and closed by activating it again.
    await page.keyboard.press('Space');
    expect(await nav.isVisible()).toBe(true);
    await page.keyboard.press('Space');
    expect(await nav.isVisible()).toBe(false);
    for (let i = 0; i < 40 && !(await page.evaluate(() => !!document.activeElement?.closest('main'))); i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await context.close();
  });

  it('holds the display settings, which need JavaScript, and the search box', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseURL}/plan/`);
    await page.locator('summary.site-menu__toggle').click();
    await page.getByRole('button', { name: '特大' }).click();
    expect(await page.getAttribute('html', 'data-font')).toBe('xlarge');
    expect(await page.locator('#header-search-q').isVisible()).toBe(true);
    await context.close();
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${baseURL}/plan/`);
    await plain.locator('summary.site-menu__toggle').click();
    expect(await plain.locator('[data-display-settings]').isVisible()).toBe(false);
    expect(await plain.locator('#header-search-q').isVisible()).toBe(true);
    await noJs.close();
  });

  it('applies a stored size and contrast before the page is drawn, on static and function-rendered pages', async () => {
    const context = await newContext(browser);
    await context.addInitScript(
      ([fontKey, contrastKey]) => {
        localStorage.setItem(fontKey!, 'xlarge');
        localStorage.setItem(contrastKey!, 'high');
      },
      [FONT_KEY, CONTRAST_KEY],
    );
    const page = await context.newPage();
    // Each page is cut off right after <body>, as a slow connection delivers its first bytes: the
    // browser may draw it now, and the header's module script, further down, has not arrived.
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const html = await response.text();
      await route.fulfill({ response, body: html.slice(0, html.indexOf('<body>') + '<body>'.length) });
    });
    for (const path of [
      '/plan/',
      '/zh-hant/cases/unpaid-wages-contractor-fled/',
      '/en/notarisation/',
      '/stats/',
      '/staff/',
    ]) {
      await page.goto(baseURL + path);
      const html = await page.evaluate(() => ({ ...document.documentElement.dataset }));
      expect(html, path).toEqual({ font: 'xlarge', contrast: 'high' });
    }
    await context.close();
  });

  it('leaves the search box in view on the home page; the search page has its own', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    expect(await page.locator('#header-search-q').isVisible()).toBe(true);
    await page.goto(`${baseURL}/search/`);
    expect(await page.locator('#search-q').isVisible()).toBe(true);
    expect(await page.locator('#header-search-q').count()).toBe(0);
    await context.close();
  });
});

// ------------------------------------------------------------------ small screens

describe('small screens', () => {
  it('never leaves one character of the site title alone on a line, at 320–430 px and every text size', async () => {
    const found: string[] = [];
    for (const font of ['standard', 'large', 'xlarge']) {
      const context = await newContext(browser, { display: { font } });
      const page = await context.newPage();
      await page.goto(`${baseURL}/services/`);
      await expect.poll(() => page.getAttribute('html', 'data-font'), POLL).toBe(font);
      for (const width of [320, 340, 360, 375, 390, 414, 430]) {
        await page.setViewportSize({ width, height: 844 });
        for (const sel of ['.site-header__org', '.site-header__title'])
          for (const line of await loneCharacterLines(page, sel)) found.push(`${font} ${width}px ${sel}: ${line}`);
        // The search box's hint shows whole.
        await openMenu(page);
        const cut = await page.locator('#header-search-q').evaluate((input: HTMLInputElement) => {
          const cs = getComputedStyle(input);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
          const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
          return ctx.measureText(input.placeholder).width > room + 1;
        });
        if (cut) found.push(`${font} ${width}px: 搜索框提示文字显示不全`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});

// ------------------------------------------------------------------ touch targets

describe('touch targets of at least 44 px', () => {
  const targets: State[] = [
    { name: 'application form', open: (p) => p.goto(`${baseURL}/apply/legal-aid/form/`).then(() => {}) },
    { name: 'check your answers (function)', open: checkStep, functions: true },
    { name: 'check your answers (script)', open: checkStep },
    { name: 'search results', open: searchResults },
    { name: 'case list', open: (p) => p.goto(`${baseURL}/cases/`).then(() => {}) },
    { name: 'case list, page 2', open: (p) => p.goto(`${baseURL}/cases/page/2/`).then(() => {}) },
  ];
  // Each state opened once, every text size chosen on it in the 菜单.
  const tab = tabIn(() => newContext(browser));
  it.each(targets.map((s) => [s.name, s] as const))(
    '%s, at standard, 大 and 特大 size: buttons, fields, choices, 修改, the menu, pagination and filters',
    async (_name, state) => {
      const page = tab();
      await openState(page, state);
      const small: string[] = [];
      for (const [size, font] of [
        ['standard', 'standard'],
        ['大', 'large'],
        ['特大', 'xlarge'],
      ] as const) {
        await chooseDisplay(page, { font });
        await openMenu(page);
        small.push(...(await smallTargets(page)).map((s) => `${state.name} (${size}): ${s}`));
      }
      expect(small).toEqual([]);
      await chooseDisplay(page, {});
    },
    LONG,
  );
});

// ------------------------------------------------------------------ receipts and print

describe('the receipt', () => {
  it.each<[string, DisplayPrefs]>([
    ['standard', {}],
    ['大', { font: 'large' }],
    ['特大', { font: 'xlarge' }],
  ])('is on one line and large on a 390 px phone at %s size', async (_size, prefs) => {
    const context = await newContext(browser, { display: prefs });
    const page = await context.newPage();
    await page.goto(`${baseURL}/apply/legal-aid/done/?receipt=${receipt}`);
    if (prefs.font) await expect.poll(() => page.getAttribute('html', 'data-font'), POLL).toBe(prefs.font);
    const box = await page.locator('[data-receipt]').evaluate((el) => {
      const groups = [...el.querySelectorAll('.receipt__group')];
      return {
        text: el.textContent,
        lines: new Set(groups.map((g) => Math.round(g.getBoundingClientRect().top))).size,
        brokenGroups: groups.filter((g) => g.getClientRects().length > 1).length,
        fontSize: parseFloat(getComputedStyle(el).fontSize),
      };
    });
    expect(box).toMatchObject({ text: receipt, lines: 1, brokenGroups: 0 });
    expect(box.fontSize).toBeGreaterThanOrEqual(20);
    await context.close();
  });
});

describe('printing', () => {
  async function printed(page: Page): Promise<string> {
    await page.emulateMedia({ media: 'print' });
    return page.evaluate(() => document.body.innerText);
  }

  it.each([
    ['without JavaScript (function)', false],
    ['with JavaScript (script)', true],
  ] as const)(
    'a confirmation %s stands alone: bureau, kind, date and time, receipt, lookup address and QR code, which phone',
    async (_name, js) => {
      const context = await newContext(browser, { javaScriptEnabled: js });
      const page = await context.newPage();
      await confirmation(page);
      const number = (await page.locator('[data-receipt]').textContent())!;
      const text = await printed(page);
      expect(text).toContain('台山市司法局');
      expect(text).toContain('法律援助申请');
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/);
      expect(text).toContain(number);
      expect(text).toContain(`${new URL(baseURL).origin}/apply/status/`);
      expect(text).toContain('您在申请表里填写的联系电话');
      expect(text).not.toContain(PHONE);
      expect(await page.locator('.print-masthead').isVisible()).toBe(true);
      expect(await page.locator('.keep__qr img').isVisible()).toBe(true);
      // Decoded, not only placed: a busy machine decodes the image after the page arrives.
      await expect
        .poll(() => page.locator('.keep__qr img').evaluate((img: HTMLImageElement) => img.naturalWidth), POLL)
        .toBeGreaterThan(0);
      for (const sel of ['.site-header', '.withdraw', '[data-print]', '.breadcrumbs'])
        expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
      await context.close();
    },
    LONG,
  );

  it('a status result prints with the bureau, the lookup time and which phone, never the number', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await statusResult(page);
    const text = await printed(page);
    expect(text).toContain('台山市司法局');
    expect(text).toContain(receipt);
    expect(text).toMatch(/查询时间\s*\d{4}年/);
    // The page's own address (the lookup page), in the masthead as the site publishes it.
    expect(text).toMatch(/网址：\S+\/apply\/status\//);
    expect(text).toContain('您在申请表里填写的联系电话');
    expect(text).not.toContain(PHONE);
    await context.close();
  });

  it('every page has a print masthead: site, title, address, print time and the QR code beside it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseURL}/services/notary/`);
    await page.emulateMedia({ media: 'print' });
    const masthead = await page.locator('.print-masthead').innerText();
    expect(masthead).toContain('台山市司法局');
    expect(masthead).toContain('公证办事指南');
    expect(masthead).toContain('/services/notary/');
    expect(masthead).toMatch(/打印时间：\d{4}年/);
    const [top, qr] = await Promise.all([
      page.locator('.print-masthead').boundingBox(),
      page.locator('.site-footer .qr svg').boundingBox(),
    ]);
    expect(qr!.y).toBeLessThan(top!.y + top!.height);
    // Link addresses follow the links of the content, not the chrome's.
    const after = await page.evaluate(() => {
      const content = [...document.querySelectorAll('main a[href^="/"]')].find((a) => !a.closest('.pagination'));
      return content ? getComputedStyle(content, '::after').content : '';
    });
    expect(after).toContain('/');
    await context.close();
  });

  it('a service guide prints its 办事指南 without the statute texts or the explanations unless opened or asked for', async () => {
    // A4's width, as the page is laid out on paper.
    const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/services/legal-aid/`);
    const pages = async () => {
      // page.pdf() takes the emulated media as it is: print, as a printer would.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
      return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)!.length;
    };
    const asPrinted = async (sel: string) => {
      await page.emulateMedia({ media: 'print' });
      const shown = await page.locator(sel).isVisible();
      await page.emulateMedia({ media: 'screen' });
      return shown;
    };
    const article = (n: number) => `.law-article >> nth=${n} >> .law-article__body`;
    expect(await asPrinted('#guide')).toBe(true);
    expect(await asPrinted(article(0))).toBe(false);
    expect(await asPrinted('#faq')).toBe(false);
    const plain = await pages();
    // An article the reader opened prints; the others stay closed.
    await page.locator('.law-article summary').first().click();
    expect(await asPrinted(article(0))).toBe(true);
    expect(await asPrinted(article(1))).toBe(false);
    // Asked for: every article, and the explanations.
    await page.getByLabel('包括法条原文').check();
    await page.getByLabel(/^包括服务说明/).check();
    expect(await asPrinted(article(1))).toBe(true);
    expect(await asPrinted('#faq')).toBe(true);
    const all = await pages();
    expect(plain).toBeLessThanOrEqual(4);
    expect(all).toBeGreaterThan(plain);
    await context.close();
  });
});
