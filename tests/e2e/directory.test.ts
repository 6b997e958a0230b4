/**
 * The office directory in Chromium: finding an office by town and by type,
 * with and without JavaScript; accessibility (axe) of every directory page
 * type in normal, high-contrast and largest-font modes; small screens; the
 * correction link.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { itHasNoAxeViolationsUnfolded } from './support/axe.ts';
import { launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';

const baseURL = inject('baseURL');
const PAGES: [string, string][] = [
  ['overview', '/directory/'],
  ['town', '/directory/town/dajiang/'],
  ['type with entries', '/directory/type/legal-aid-station/'],
  ['empty type', '/directory/type/notary-office/'],
  ['advisers (empty)', '/directory/type/legal-adviser/'],
  ['office', '/directory/justice-office-dajiang/'],
  ['city-wide office', '/directory/taishan-legal-aid-office/'],
  ['service with 去哪里办', '/services/mediation/'],
];

/** Pages of PAGES that reader.test.ts checks with axe in every mode already. */
const READER_CHECKS = ['/directory/', '/directory/town/dajiang/', '/directory/taishan-legal-aid-office/'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const contextWith = (display: DisplayPrefs, width = 390): Promise<BrowserContext> =>
  newContext(browser, { viewport: { width, height: 800 }, display });

describe('axe in each display mode', () => {
  // The overview, a town and the city-wide office are checked by reader.test.ts with every page
  // type (their only folded content is the menu, which it opens).
  itHasNoAxeViolationsUnfolded(
    PAGES.filter(([, path]) => !READER_CHECKS.includes(path)),
    sharedPage(() => contextWith({})),
    baseURL,
  );
});

async function findByTown(page: Page) {
  await page.goto(baseURL + '/directory/');
  await page.getByRole('list', { name: '按镇（街道）查找' }).getByRole('link', { name: '大江镇' }).click();
  await page.waitForURL('**/directory/town/dajiang/');
  expect(await page.locator('h1').textContent()).toBe('大江镇的司法所和法律服务机构');
  await page.getByRole('link', { name: '大江镇法律援助工作站' }).click();
  await page.waitForURL('**/directory/legal-aid-station-dajiang/');
  expect(await page.locator('h1').textContent()).toBe('大江镇法律援助工作站');
  // Unknown contacts are not blank: the bureau's contact and 12348 stand in.
  const main = await page.locator('main').textContent();
  for (const s of ['尚未核实', '0750-5524538', '12348']) expect(main).toContain(s);
  // Back up through the breadcrumbs to the type page.
  await page.getByRole('navigation', { name: '您现在的位置' }).getByRole('link', { name: '法律援助工作站' }).click();
  await page.waitForURL('**/directory/type/legal-aid-station/');
}

async function findByType(page: Page) {
  await page.goto(baseURL + '/directory/');
  await page.getByRole('link', { name: '司法所', exact: true }).click();
  await page.waitForURL('**/directory/type/justice-office/');
  expect(await page.locator('h1').textContent()).toBe('司法所');
  expect(await page.locator('.office-list__item').count()).toBe(17);
  await page.getByRole('link', { name: '白沙镇司法所' }).click();
  await page.waitForURL('**/directory/justice-office-baisha/');
  await page.getByRole('link', { name: '社区矫正' }).first().click();
  await page.waitForURL('**/services/community-correction/');
}

describe('finding an office', () => {
  // These only follow links: one tab for all of them.
  const tab = sharedPage(() => newContext(browser));
  it('by town, then to the office and back to its type', async () => {
    await findByTown(tab());
  });
  it('by type, then to the office and to a service it provides', async () => {
    await findByType(tab());
  });
  it('from a service page’s 去哪里办', async () => {
    const page = tab();
    await page.goto(baseURL + '/services/legal-aid/');
    const where = page.locator('section[aria-labelledby="where-to-go"]');
    await where.getByRole('link', { name: '台山市法律援助处' }).click();
    await page.waitForURL('**/directory/taishan-legal-aid-office/');
  });
  it('shows an empty type honestly, with whom to call', async () => {
    const page = tab();
    await page.goto(baseURL + '/directory/type/law-firm/');
    const main = await page.locator('main').textContent();
    for (const s of ['名单正在整理', '0750-5524538', '12348']) expect(main).toContain(s);
    expect(await page.locator('.office-list').count()).toBe(0);
  });
});

describe('without JavaScript', () => {
  const tab = sharedPage(() => newContext(browser, { javaScriptEnabled: false }));
  it('finds an office by town and by type', async () => {
    const page = tab();
    await findByTown(page);
    await findByType(page);
  });
  it('opens the city-wide stations on a town page', async () => {
    const page = tab();
    await page.goto(baseURL + '/directory/town/haiyan/');
    const more = page.locator('details.office-more');
    await more.locator('summary').click();
    expect(await more.getAttribute('open')).not.toBeNull();
    await expect
      .poll(() => page.getByRole('link', { name: '设在台山市人民法院的法律援助工作站' }).isVisible())
      .toBe(true);
  });
});

describe('the correction link', () => {
  it('opens a prefilled email to the bureau naming the office', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(baseURL + '/directory/justice-office-dajiang/');
    const link = page.getByRole('link', { name: /信息有误？/ });
    const hrefValue = (await link.getAttribute('href'))!;
    expect(hrefValue.startsWith('mailto:ts686@126.com?')).toBe(true);
    const params = new URLSearchParams(hrefValue.split('?')[1]);
    expect(params.get('subject')).toContain('大江镇司法所');
    expect(params.get('body')).toContain('/directory/justice-office-dajiang/');
    await context.close();
  });
});

describe('small screens', () => {
  const tab = sharedPage(() => contextWith({ font: 'xlarge' }, 320));
  it.each(PAGES)('%s fits 320 px at the largest font', async (_name, path) => {
    const page = tab();
    await page.goto(baseURL + path);
    await expect.poll(() => page.getAttribute('html', 'data-font'), { timeout: 5000 }).toBe('xlarge');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  });
});
