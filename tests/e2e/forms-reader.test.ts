/**
 * For the older reader on a phone, in Chromium against the built site and the
 * real functions: numbers typed in words (三口人, 一千五) read the same with and
 * without JavaScript and shown back as numbers; the eligibility check's income
 * figure and its source (or a plain “not yet confirmed”); and 朗读 on guides,
 * cases and the plan, with the browser's speech engine replaced by a recording
 * fake (an init script) while the page uses the standard Web Speech API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newContext } from './support/chromium.ts';
import { active, noDialogs, tabTo } from './support/keyboard.ts';
import { legalAidSelf } from '../fixtures/applications.ts';

const baseURL = inject('baseURL');
const projectRoot = inject('projectRoot');
const POLL = { timeout: 30_000, interval: 200 };
const LONG = 240_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// ------------------------------------------------------------------ numbers in words

/** Fills the legal-aid form from the fixture, with the economy answers typed as given. */
async function fillLegalAid(page: Page, economy: { householdSize: string; monthlyIncome: string }): Promise<void> {
  const v = legalAidSelf();
  await page.locator('input[name="forWhom"][value="self"]').check();
  for (const name of ['name', 'idNumber', 'phone', 'address', 'opponent'])
    await page.locator(`#f-${name}`).fill(String(v[name]));
  await page.locator('#f-town').selectOption(String(v.town));
  await page.locator('input[name="matterType"][value="labour"]').check();
  await page.locator('input[name="stage"][value="none"]').check();
  await page.locator('#f-facts').fill('我在工地干了三个月，老板一直拖欠工资，一共一万二千元，现在找不到人。');
  await page.locator('input[name="exemptions"][value="none"]').check();
  await page.locator('#f-householdSize').fill(economy.householdSize);
  await page.locator('#f-monthlyIncome').fill(economy.monthlyIncome);
  await page.locator('input[name="assets"][value="no"]').check();
  await page.locator('#f-pledgeTruth').check();
  await page.locator('#f-pledgeVerify').check();
  await page.locator('input[name="contactTime"][value="any"]').check();
}

/** The check-answers row of a question, as text: “家庭人口 3 口人”. */
const row = (page: Page, label: string) =>
  page
    .locator('.summary-list__row', { has: page.locator('dt', { hasText: label }) })
    .locator('dd')
    .first();

describe('numbers as people type them', () => {
  it(
    'without JavaScript: 三口半 is refused with what was typed; 三口人 and 一千五 come back as 3 and 1500',
    async () => {
      const ctx = await newContext(browser, { javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/apply/legal-aid/form/`);
      await fillLegalAid(page, { householdSize: '三口半', monthlyIncome: '一千五' });
      await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
      await expect.poll(() => page.title(), POLL).toMatch(/^错误：法律援助申请/);
      expect(await page.locator('.error-summary').textContent()).toContain('没看懂“三口半”，请写一个数字，例如 3');
      expect(await page.locator('#f-householdSize').inputValue()).toBe('三口半');

      await page.locator('#f-householdSize').fill('三口人');
      await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
      await expect.poll(() => page.title(), POLL).toMatch(/^核对法律援助申请/);
      expect(await row(page, '家庭人口').textContent()).toBe('3 口人');
      expect(await row(page, '家庭月收入').textContent()).toBe('1500 元');
      // What is confirmed is the number, not the words.
      expect(await page.locator('input[type="hidden"][name="householdSize"]').inputValue()).toBe('3');
      expect(await page.locator('input[type="hidden"][name="monthlyIncome"]').inputValue()).toBe('1500');
      await ctx.close();
    },
    LONG,
  );

  it(
    'with JavaScript: the same reading in the page, before anything is sent',
    async () => {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      noDialogs(page);
      await page.goto(`${baseURL}/apply/legal-aid/form/`);
      await fillLegalAid(page, { householdSize: '三口半', monthlyIncome: '1.5万元' });
      await page.locator('#f-householdSize').blur();
      await expect.poll(() => page.locator('#f-householdSize-error').textContent(), POLL).toContain('没看懂“三口半”');
      await page.locator('#f-householdSize').fill('３人');
      await expect.poll(() => page.locator('#f-householdSize-error').isVisible(), POLL).toBe(false);
      await page.getByRole('button', { name: '继续：核对填写的内容' }).click();
      await expect.poll(() => page.locator('[data-step-view]').isVisible(), POLL).toBe(true);
      expect(await row(page, '家庭人口').textContent()).toBe('3 口人');
      expect(await row(page, '家庭月收入').textContent()).toBe('15000 元');
      await ctx.close();
    },
    LONG,
  );

  it('labels fields by when they are needed, and says the limits before anything is typed', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/apply/legal-aid/form/`);
    expect(await page.locator('label[for="f-phone"]').textContent()).toBe('联系电话（替家人申请的可以不填）');
    expect(await page.locator('#f-facts-hint').textContent()).toContain('至少写20个字，最多2000个字');
    await page.goto(`${baseURL}/apply/mediation/form/`);
    expect(await page.locator('#f-request-hint').textContent()).toContain('至少写4个字，最多500个字');
    await ctx.close();
  });
});

// ------------------------------------------------------------------ a light first visit

describe('a form page on a phone', () => {
  /** A new tab at `path`, once its network is quiet, with the paths it has requested so far and from then on. */
  async function open(path: string): Promise<{ ctx: BrowserContext; page: Page; requested: string[] }> {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    noDialogs(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${baseURL}${path}`);
    await page.waitForLoadState('networkidle');
    return { ctx, page, requested };
  }

  /** Types a phone number too short to be one and leaves the field. */
  async function leaveShortPhone(page: Page): Promise<void> {
    await page.locator('#f-phone').fill('12345');
    await page.locator('#f-phone').blur();
  }

  it(
    'opens with a few KB of script: the checks and the schema come once the reader turns to the form, and work from then on',
    async () => {
      const { ctx, page, requested } = await open('/apply/legal-aid/form/?town=sijiu');
      // The form's widgets (apply-form.ts) and the kind's schema (form.ts, its field builders in fields.ts).
      const widgets = () => requested.filter((p) => /\/_astro\/(apply-form|form|fields)\.[\w-]+\.js$/.test(p));
      // As the page opens, without them: the choice from the address is made, and the
      // questions that depend on an answer not yet given are folded.
      expect(await page.locator('#f-town').inputValue()).toBe('sijiu');
      expect(await page.locator('[data-show-if="forWhom"]').first().isHidden()).toBe(true);
      expect(widgets()).toEqual([]);
      // The reader turns to the form (a first choice): the widgets arrive, and a phone number
      // typed wrong is caught when the field is left.
      await page.locator('input[name="forWhom"][value="self"]').check();
      const names = () => new Set(widgets().map((p) => p.split('/').at(-1)!.split('.')[0]));
      await expect.poll(() => names().size, POLL).toBe(3);
      await leaveShortPhone(page);
      await expect.poll(() => page.locator('#f-phone-error').isVisible(), POLL).toBe(true);
      await ctx.close();
    },
    LONG,
  );

  it(
    'on the 繁體 site, fetches the dictionary for its messages beside the widgets, not as the page opens',
    async () => {
      const { ctx, page, requested } = await open('/zh-hant/apply/legal-aid/form/');
      const dictionary = () => requested.filter((p) => p.endsWith('/_i18n/zh-hant.json'));
      expect(dictionary()).toEqual([]);
      await leaveShortPhone(page);
      await expect.poll(() => page.locator('#f-phone-error').textContent(), POLL).toContain('手機號碼是11位，請檢查');
      expect(dictionary()).toHaveLength(1);
      await ctx.close();
    },
    LONG,
  );

  it(
    '继续 pressed before anything else waits for the checks, then lists every missing answer',
    async () => {
      const { ctx, page } = await open('/apply/mediation/form/');
      // A script click: no focus or pointer event first, only the form's submit.
      await page.locator('form[data-apply-form]').evaluate((f: HTMLFormElement) => f.requestSubmit());
      await expect.poll(() => page.locator('.error-summary').isVisible(), POLL).toBe(true);
      expect(page.url()).toBe(`${baseURL}/apply/mediation/form/`);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await ctx.close();
    },
    LONG,
  );
});

// ------------------------------------------------------------------ the eligibility figure

describe('the eligibility check’s income question', () => {
  it('shows the amount from content/data/legal-aid-standard.yaml with its source, or says none is confirmed', async () => {
    const file = readFileSync(join(projectRoot, 'content', 'data', 'legal-aid-standard.yaml'), 'utf8');
    const figures = Object.entries(
      (parse(file) as { figures: Record<string, { annual: number; source: string }> }).figures,
    );
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/apply/legal-aid/check/income/`);
    const box = (await page.locator('[data-income-standard]').textContent())!;
    expect(box).toContain('现在的标准是多少？');
    if (figures.length === 0) {
      expect(box).toContain('本站还没有核实到官方公布的数字');
      expect(box).toMatch(/12348.*0750-5524538/);
      expect(box).not.toMatch(/\d+ 元/);
    } else {
      const [year, newest] = figures.sort(([a], [b]) => Number(b) - Number(a))[0]!;
      expect(box).toContain(`江门市${year}年城镇常住居民人均可支配收入是 ${newest.annual} 元`);
      expect(box).toContain(`一半是每月约 ${Math.round(newest.annual / 24)} 元`);
      expect(box).toContain(`数字来源：《${newest.source}》`);
    }
    await ctx.close();
  });
});

// ------------------------------------------------------------------ 朗读

interface SpeechLog {
  spoken: { text: string; lang: string; rate: number; voice: string | undefined }[];
  calls: string[];
}

/**
 * A speech engine that records instead of speaking: window.speechSynthesis with
 * the given voices (with `late`, none until __speech.arrive() fires
 * `voiceschanged`, as Chrome loads them after the page), and window.__speech to
 * read the record and end the current utterance. The page's own
 * SpeechSynthesisUtterance is used; only its `voice` accepts the fake voices.
 */
async function fakeSpeech(ctx: BrowserContext, voices: [string, string][], late = false): Promise<void> {
  await ctx.addInitScript(
    ({ voices, late }) => {
      const list = voices.map(([name, lang]) => ({ name, lang, voiceURI: name, localService: true, default: false }));
      let ready = !late;
      let current: SpeechSynthesisUtterance | null = null;
      const log = { spoken: [] as unknown[], calls: [] as string[] };
      const voiceOf = new WeakMap<object, { name: string }>();
      Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
        configurable: true,
        get() {
          return voiceOf.get(this) ?? null;
        },
        set(v) {
          voiceOf.set(this, v);
        },
      });
      const engine = Object.assign(new EventTarget(), {
        speaking: false,
        paused: false,
        pending: false,
        onvoiceschanged: null,
        getVoices: () => (ready ? list : []),
        speak(u: SpeechSynthesisUtterance) {
          log.spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: voiceOf.get(u)?.name });
          current = u;
          engine.speaking = true;
        },
        pause() {
          log.calls.push('pause');
          engine.paused = true;
        },
        resume() {
          log.calls.push('resume');
          engine.paused = false;
        },
        cancel() {
          log.calls.push('cancel');
          const u = current;
          current = null;
          engine.speaking = false;
          if (u) u.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
        },
      });
      Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: engine });
      Object.defineProperty(window, '__speech', {
        value: {
          log,
          /** Ends the utterance being spoken, as the engine does when it has said it. */
          finish() {
            const u = current;
            current = null;
            u?.dispatchEvent(new Event('end'));
            return !!u;
          },
          /** The voices become available. */
          arrive() {
            ready = true;
            engine.dispatchEvent(new Event('voiceschanged'));
          },
        },
      });
    },
    { voices, late },
  );
}

const speechLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: { log: SpeechLog } }).__speech.log);
const finish = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: { finish(): boolean } }).__speech.finish());
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('read-aloud');
    return h ? [...h].map((r) => r.toString()).join('') : null;
  });
const CASE = '/cases/unpaid-wages-contractor-fled/';

describe('朗读 (read aloud)', () => {
  it(
    'on a case: appears, reads sentence by sentence with the sentence highlighted; pause, resume, speed, stop; axe clean',
    async () => {
      const ctx = await newContext(browser);
      await fakeSpeech(ctx, [
        ['English', 'en-US'],
        ['Mandarin', 'zh-CN'],
      ]);
      const page = await ctx.newPage();
      noDialogs(page);
      await page.goto(baseURL + CASE);
      await expect.poll(() => page.locator('[data-ra-start]').isVisible(), POLL).toBe(true);
      await expectNoAxeViolations(page, 'case with 朗读');

      // Keyboard: Tab to 朗读, Enter.
      await tabTo(page, '[data-ra-start]');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await speechLog(page)).spoken.length, POLL).toBe(1);
      const title = (await page.locator('h1').textContent())!.trim();
      let log = await speechLog(page);
      expect(log.spoken[0]).toMatchObject({ text: title, lang: 'zh-CN', voice: 'Mandarin', rate: 1 });
      expect(await highlighted(page)).toBe(title);
      expect(await active(page, '[data-ra-pause]')).toBe(true);
      expect(await page.locator('[data-ra-status]').textContent()).toBe('开始朗读');
      await expectNoAxeViolations(page, 'case while reading');

      // The engine ends the sentence: the next one is read and highlighted, in page order.
      await finish(page);
      log = await speechLog(page);
      expect(log.spoken).toHaveLength(2);
      const lead = (await page.locator('p.lead').textContent())!.trim();
      expect(lead.startsWith(log.spoken[1]!.text)).toBe(true);
      expect(log.spoken[1]!.text).toMatch(/[。！？]$/);
      expect(await highlighted(page)).toBe(log.spoken[1]!.text);

      // Pause and resume, by keyboard; focus stays on the control that replaced the pressed one.
      await page.keyboard.press('Enter');
      expect((await speechLog(page)).calls.at(-1)).toBe('pause');
      expect(await active(page, '[data-ra-resume]')).toBe(true);
      expect(await page.locator('[data-ra-status]').textContent()).toBe('已暂停');
      await page.keyboard.press('Enter');
      expect((await speechLog(page)).calls.at(-1)).toBe('resume');
      expect(await active(page, '[data-ra-pause]')).toBe(true);

      // A new speed applies at once: the sentence starts again, faster (the engine keeps a 32-bit float).
      await page.locator('[data-ra-rate]').selectOption('1.3');
      log = await speechLog(page);
      expect(log.spoken.at(-1)).toMatchObject({ text: log.spoken[1]!.text, rate: expect.closeTo(1.3, 5) });

      // Stop: silence, no highlight, 朗读 back with focus.
      await page.getByRole('button', { name: '停止' }).click();
      expect((await speechLog(page)).calls.at(-1)).toBe('cancel');
      expect(await highlighted(page)).toBeNull();
      expect(await active(page, '[data-ra-start]')).toBe(true);
      expect(await page.locator('[data-ra-controls]').isVisible()).toBe(false);
      await ctx.close();
    },
    LONG,
  );

  it(
    'reads the main content to the end: not the navigation or closed statute texts, unless opened',
    async () => {
      const ctx = await newContext(browser);
      await fakeSpeech(ctx, [['Mandarin', 'zh-CN']]);
      const page = await ctx.newPage();
      await page.goto(baseURL + CASE);
      await expect.poll(() => page.locator('[data-ra-start]').isVisible(), POLL).toBe(true);
      const readAll = async () => {
        await page.locator('[data-ra-start]').click();
        await expect.poll(async () => (await speechLog(page)).spoken.length, POLL).toBeGreaterThan(0);
        for (let i = 0; i < 2000 && (await finish(page)); i++);
        return (await speechLog(page)).spoken.map((s) => s.text);
      };
      const first = await readAll();
      expect(await page.locator('[data-ra-status]').textContent()).toBe('读完了');
      const heard = first.join('');
      // The line under a statute text (law title · chapter) is in no article body.
      const statute = (await page.locator('.law-article__source').first().textContent())!.replace(/\s+/g, ' ').trim();
      const navigation = (await page.locator('nav').first().textContent())!.replace(/\s+/g, '');
      expect(heard).toContain((await page.locator('.case__body p').first().textContent())!.trim().slice(0, 20));
      expect(heard).not.toContain(statute);
      expect(heard).not.toContain('相关案例');
      expect(heard).not.toContain(navigation.slice(0, 12));
      // Sentences are short enough to follow, and each is read once.
      expect(Math.max(...first.map((s) => [...s].length))).toBeLessThan(200);

      // An opened statute text is read, where it stands.
      await page.locator('details.law-article summary').first().click();
      await page.evaluate(() => (window as unknown as { __speech: { log: SpeechLog } }).__speech.log.spoken.splice(0));
      const second = await readAll();
      expect(second.join('')).toContain(statute);
      await ctx.close();
    },
    LONG,
  );

  it.each(['/services/legal-aid/', '/plan/'])(
    '%s has 朗读 once voices arrive (voiceschanged), reads with a Chinese voice, no axe violations',
    async (path) => {
      const ctx = await newContext(browser);
      await fakeSpeech(ctx, [['粤语', 'zh-HK']], true);
      const page = await ctx.newPage();
      await page.goto(baseURL + path);
      expect(await page.locator('[data-read-aloud]').isHidden()).toBe(true);
      await page.evaluate(() => (window as unknown as { __speech: { arrive(): void } }).__speech.arrive());
      await expect.poll(() => page.locator('[data-ra-start]').isVisible(), POLL).toBe(true);
      await page.locator('[data-ra-start]').click();
      await expect.poll(async () => (await speechLog(page)).spoken[0]?.voice, POLL).toBe('粤语');
      await expectNoAxeViolations(page, `${path} while reading`);
      await ctx.close();
    },
    LONG,
  );

  it('is absent where no Chinese voice exists, and without JavaScript', async () => {
    const english = await newContext(browser);
    await fakeSpeech(english, [['English', 'en-US']]);
    const page = await english.newPage();
    await page.goto(baseURL + CASE);
    // Give the check the time it takes on a page with voices (above), then some.
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-read-aloud]').isHidden()).toBe(true);
    await english.close();

    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(baseURL + CASE);
    expect(await plain.locator('[data-read-aloud]').isHidden()).toBe(true);
    await noJs.close();
  });
});
