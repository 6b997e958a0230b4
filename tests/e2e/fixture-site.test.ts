/**
 * What the bureau has not published yet, in Chromium, end to end, on a
 * throwaway copy of the project whose content has it as test fixtures,
 * served with netlify dev and staff secrets of its own. The repository's own
 * content has neither (and keeps it so: no invented days, nothing published
 * without an editor):
 *
 * A village legal adviser's service-day schedule (days 7 and 14 days ahead,
 * Beijing time, at an obviously fictional place):
 *  - without JavaScript, /consult/ lists the days and the form offers their
 *    slots under 当面咨询; a booking goes through the check step to a ZX- receipt;
 *  - with JavaScript, the slot is booked to its capacity, and one more booking
 *    is refused at the slot field (名额已经约满了) with the answers kept;
 *  - on the desk, the day's list shows both bookings with 称呼 and phone
 *    decrypted, and 打印名单 prints the list alone;
 *  - axe on /consult/ with the days and the form with the slots shown (normal,
 *    high contrast, 特大), and on the desk's list.
 *
 * A 常见问答 entry, as the desk drafts it and an editor publishes it
 * (tests/fixtures/qa.ts): /qa/ lists it, its page shows it without the
 * asker's name, village or phone, the search finds it, RSS carries it; axe in
 * the three modes.
 * * Setup (copy, build with the search index, netlify dev) is timed and printed.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build.ts';
import { migrateLocalDatabase, startNetlifyDev, type NetlifyDev } from '../../scripts/lib/netlify-dev.ts';
import { fullMessage, slotId, slotOptions, type ServiceDayEntry } from '../../src/lib/consult/service-days.ts';
import { beijingDate, beijingDay, dayToDate } from '../../src/lib/time.ts';
import { copyProject, removeCopy } from '../support/project-copy.ts';
import { publishedQa, QA_TITLE } from '../fixtures/qa.ts';
import { expectNoAxeViolations, expectNoAxeViolationsInEveryMode } from './support/axe.ts';
import { launchBrowser, newContext, sharedPage, type DisplayPrefs } from './support/chromium.ts';
import { loadKeyFile, signIn } from './support/desk.ts';
import { noDialogs } from './support/keyboard.ts';
import { staffSecrets, type StaffSecrets } from './support/staff-secrets.ts';

const POLL = { timeout: 30_000, interval: 250 };
const LONG = 300_000;

/** The fixture schedule: two days in two towns, from today in Beijing time; one slot of capacity 2. */
function fixtureSchedule(now = new Date()): ServiceDayEntry[] {
  const today = beijingDay(now);
  const source = { title: '测试用服务日安排（不是真实通知）', published: beijingDate(now) };
  const day = (ahead: number, town: string, slots: ServiceDayEntry['slots']): ServiceDayEntry => {
    const date = dayToDate(today + ahead);
    return {
      id: `${date}-test-${town}`,
      town,
      community: '测试村（示例）',
      venue: '测试村委会（测试用的示例地点）',
      date,
      slots,
      source,
    };
  };
  return [
    day(7, 'sijiu', [
      { start: '09:00', end: '11:00', capacity: 2 },
      { start: '14:30', end: '16:30', capacity: 4 },
    ]),
    day(14, 'duhu', [{ start: '09:30', end: '11:30', capacity: 4 }]),
  ];
}

const SCHEDULE = fixtureSchedule();
const DAY = SCHEDULE[0]!;
const SLOT = DAY.slots[0]!;
const SLOT_ID = slotId(DAY, SLOT);
/** The 常见问答 entry's file name in content/qa/, and so its address: /qa/<id>/. */
const QA_ID = 'unpaid-wages-boss-gone';

/** The bookings this file makes of SLOT_ID, in order: the first without JavaScript. */
const PEOPLE = [
  { caller: '测试陈女士', phone: '13712340001' },
  { caller: '测试李伯', phone: '13712340002' },
  { caller: '测试黄先生', phone: '13712340003' },
] as const;

let dir: string | undefined;
let server: NetlifyDev | undefined;
let secrets: StaffSecrets | undefined;
let browser: Browser;
let baseURL = '';
const receipts: string[] = [];

beforeAll(async () => {
  const started = performance.now();
  const lap = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
  dir = copyProject('taishan-service-day-', { serve: true });
  writeFileSync(join(dir, 'content', 'consult', 'service-days.json'), `${JSON.stringify(SCHEDULE, null, 2)}\n`);
  writeFileSync(join(dir, 'content', 'qa', `${QA_ID}.md`), publishedQa());
  const copied = lap(started);
  const buildStart = performance.now();
  // The database's migrations, the staff secrets and Chromium need no build: made while it runs.
  const timed = async <T>(p: Promise<T>): Promise<[T, string]> => [await p, lap(buildStart)];
  const [[built, buildTime], [, migrateTime], keys, launched] = await Promise.all([
    timed(buildSite({ cwd: dir })),
    timed(migrateLocalDatabase(dir)),
    staffSecrets(),
    launchBrowser(),
  ]);
  secrets = keys;
  browser = launched;
  if (built.status !== 0) throw new Error(`构建失败：\n${built.stdout}\n${built.stderr}`);
  const serveStart = performance.now();
  server = await startNetlifyDev({ cwd: dir, env: secrets.env, migrate: false });
  await server.ready;
  baseURL = server.origin;
  console.info(
    `服务日测试的准备：复制 ${copied} 秒，构建 ${buildTime} 秒（同时迁移数据库 ${migrateTime} 秒），netlify dev ${lap(serveStart)} 秒，共 ${lap(started)} 秒`,
  );
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeCopy(dir);
  if (secrets) rmSync(secrets.dir, { recursive: true, force: true });
});

const context = (js: boolean, display: DisplayPrefs = {}, wide = false): Promise<BrowserContext> =>
  newContext(browser, { javaScriptEnabled: js, display, ...(wide ? { viewport: { width: 1024, height: 900 } } : {}) });

/** Fills the form for a visit on the service day's slot, as person `i`. */
async function fillVisit(page: Page, i: number): Promise<void> {
  await page.locator('#f-question').fill('邻居在我家门口搭了个棚子，挡住了出入的路，我想当面问问律师该怎么办。');
  await page.locator('#f-topic').selectOption('neighbours');
  await page.locator('#f-town').selectOption(DAY.town);
  await page.locator('input[name="channel"][value="visit"]').check();
  await page.locator(`input[name="slot"][value="${SLOT_ID}"]`).check();
  await page.locator('#f-phone').fill(PEOPLE[i]!.phone);
  await page.locator('input[name="callTime"][value="morning"]').check();
  await page.locator('#f-caller').fill(PEOPLE[i]!.caller);
}

/** From the filled form: the check step, then 确认提交. */
async function submitVisit(page: Page): Promise<void> {
  await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
  await expect.poll(() => page.locator('main').textContent(), POLL).toContain(slotLabel());
  await page.getByRole('button', { name: '确认提交' }).click();
}

/** What the resident reads for the booked slot (the day, the time, the place). */
const slotLabel = () => slotOptions(SCHEDULE).find((o) => o.value === SLOT_ID)!.label;

describe('booking a service day', () => {
  it(
    'without JavaScript: /consult/ lists the days, the form offers their slots, a booking gets a ZX- receipt',
    async () => {
      const ctx = await context(false);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/consult/`);
      const days = page.locator('section[aria-labelledby^="day-"]');
      expect(await days.count()).toBe(SCHEDULE.length);
      for (const d of SCHEDULE) {
        const text = await page.locator(`section[aria-labelledby="day-${d.id}"]`).textContent();
        expect(text).toContain(`${d.date}`);
        expect(text).toContain('测试村（示例）');
        expect(text).toContain('测试用服务日安排（不是真实通知）');
      }
      expect(await page.locator('main').textContent()).not.toContain('暂时没有服务日安排');

      await page.getByRole('link', { name: '开始提问' }).click();
      await page.waitForURL('**/apply/consultation/form/');
      const offered = await page
        .locator('input[name="slot"]')
        .evaluateAll((rs) => rs.map((r) => r.getAttribute('value')));
      expect(offered).toEqual(slotOptions(SCHEDULE).map((o) => o.value));
      expect(await page.locator('main').textContent()).toContain(slotLabel());
      await fillVisit(page, 0);
      await submitVisit(page);
      await page.waitForSelector('[data-receipt]', POLL);
      const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
      expect(receipt).toMatch(/^ZX-\d{8}-/);
      receipts.push(receipt);
      await ctx.close();
    },
    LONG,
  );

  it(
    'with JavaScript: the slot is booked to its capacity; one more is refused at the slot field, the answers kept',
    async () => {
      expect(receipts, 'the booking without JavaScript comes first').toHaveLength(1);
      const ctx = await context(true);
      const page = await ctx.newPage();
      noDialogs(page);
      await page.goto(`${baseURL}/apply/consultation/form/`);
      // The slots appear with 当面咨询.
      expect(await page.locator(`input[name="slot"][value="${SLOT_ID}"]`).isVisible()).toBe(false);
      await fillVisit(page, 1);
      await submitVisit(page);
      await page.waitForSelector('[data-receipt]', POLL);
      receipts.push((await page.locator('[data-receipt]').textContent())!.trim());
      expect(receipts[1]).toMatch(/^ZX-\d{8}-/);

      // The slot is full now (capacity 2): the third booking is refused where the slot is chosen.
      const again = await ctx.newPage();
      noDialogs(again);
      await again.goto(`${baseURL}/apply/consultation/form/`);
      await fillVisit(again, 2);
      await submitVisit(again);
      const error = again.locator('#f-slot-error');
      await expect.poll(() => error.isVisible(), POLL).toBe(true);
      const said = (await error.textContent())!;
      expect(said).toContain('名额已经约满了');
      expect(said).toContain(fullMessage(DAY, SLOT));
      expect(await again.locator('[data-receipt]').count()).toBe(0);
      expect(await again.locator('#f-question').inputValue()).toContain('挡住了出入的路');
      expect(await again.locator('#f-phone').inputValue()).toBe(PEOPLE[2].phone);
      expect(await again.locator('#f-caller').inputValue()).toBe(PEOPLE[2].caller);
      expect(await again.getByRole('radio', { name: '当面咨询' }).isChecked()).toBe(true);
      await ctx.close();
    },
    LONG,
  );
});

/** Text-bearing elements shown in `main` outside `keep` (under the media emulated now). */
function shownOutside(page: Page, keep: string): Promise<string[]> {
  return page.evaluate((keep) => {
    const out: string[] = [];
    for (const e of document.querySelectorAll('main *')) {
      const box = e.getBoundingClientRect();
      // Shown: rendered and bigger than the 1 px of a visually hidden announcement.
      if (e.closest(keep) || !e.checkVisibility() || box.width <= 1 || box.height <= 1) continue;
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (own) out.push(`${e.tagName.toLowerCase()}: ${e.textContent!.trim().slice(0, 40)}`);
    }
    return out;
  }, keep);
}

describe('the desk', () => {
  it(
    'lists the day’s bookings with 称呼 and phone decrypted; 打印名单 prints the list alone; axe clean',
    async () => {
      expect(receipts, 'both bookings were made').toHaveLength(2);
      const ctx = await context(true, {}, true);
      const page = await ctx.newPage();
      noDialogs(page);
      await signIn(page, baseURL, secrets!.tokens.city);
      await loadKeyFile(page, secrets!.privateFile);
      await page.locator('#desk-day').selectOption(DAY.id);
      await page.getByRole('button', { name: '显示名单' }).click();
      const list = page.locator('[data-days-list]');
      await expect.poll(() => list.textContent(), POLL).toContain(PEOPLE[1].phone);
      expect(await list.locator('caption').first().textContent()).toBe(
        `${SLOT.start}–${SLOT.end}：已约 2 人（名额 ${SLOT.capacity} 人）`,
      );
      const rows = await list
        .locator('table')
        .first()
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent!.trim())));
      expect(rows.sort()).toEqual([0, 1].map((i) => [receipts[i], PEOPLE[i]!.caller, PEOPLE[i]!.phone]).sort());
      expect(await list.textContent()).not.toContain(PEOPLE[2].caller);
      await expectNoAxeViolations(page, '/staff/ 服务日预约名单');

      await page.getByRole('button', { name: '打印名单' }).click();
      await page.emulateMedia({ media: 'print' });
      expect(await page.getAttribute('html', 'data-print')).toBe('service-day');
      expect(await shownOutside(page, '.desk-days__list')).toEqual([]);
      expect(await list.isVisible()).toBe(true);
      expect(await list.locator('h3').textContent()).toContain('测试村（示例）');
      await ctx.close();
    },
    LONG,
  );
});

describe('a 常见问答 entry published from a desk draft', () => {
  it(
    'is listed at /qa/, shown without the asker’s name, village or phone, found by search and carried by RSS',
    async () => {
      const ctx = await context(true);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/qa/`);
      await page.getByRole('link', { name: QA_TITLE }).click();
      await page.waitForURL(`**/qa/${QA_ID}/`);
      const main = (await page.locator('main').textContent())!;
      expect(await page.locator('h1').textContent()).toContain(QA_TITLE);
      expect(main).toContain('讨要工资的农民工申请法律援助');
      for (const s of ['黄先生', '大塘村', '13712345678']) expect(main).not.toContain(s);
      // The site's search, as a resident types the question.
      await page.goto(`${baseURL}/search/?q=${encodeURIComponent('包工头跑了工钱找谁要')}`);
      const hit = page.locator(`[data-search-results] a[href$="/qa/${QA_ID}/"]`).first();
      await expect.poll(() => hit.count(), POLL).toBeGreaterThan(0);
      const rss = await (await fetch(`${baseURL}/qa/rss.xml`)).text();
      expect(rss).toContain(QA_TITLE);
      expect(rss).toContain(`/qa/${QA_ID}/`);
      await ctx.close();
    },
    LONG,
  );
});

/** The pages with the schedule's days, as a reader reaches them: the form with 当面咨询 chosen (its slots shown). */
const PAGES = [
  ['/consult/ listing the service days', '/consult/', async () => {}],
  [
    '/apply/consultation/form/ with the slots shown',
    '/apply/consultation/form/',
    async (page: Page) => {
      await page.locator('input[name="channel"][value="visit"]').check();
      await expect.poll(() => page.locator(`input[name="slot"][value="${SLOT_ID}"]`).isVisible(), POLL).toBe(true);
    },
  ],
  ['a 常见问答 entry', `/qa/${QA_ID}/`, async () => {}],
] as const;

describe('axe in each display mode', () => {
  const tab = sharedPage(() => context(true));
  it.each(PAGES)(
    '%s has no violations',
    async (label, path, prepare) => {
      const page = tab();
      await page.goto(baseURL + path);
      await prepare(page);
      await expectNoAxeViolationsInEveryMode(page, label);
    },
    LONG,
  );
});
