/**
 * The editing interface at /admin/ (Decap CMS, bundled from npm) in Chromium
 * against the served build: it loads with no request leaving this machine,
 * speaks Chinese, finds the local backend (decap-server, started here on a
 * free port) and lists the 以案说法 collection with its articles; an article
 * saved from it still passes the content checks; its looser
 * Content-Security-Policy stays on /admin/ only.
 * decap-server works on a temporary copy of content/, so nothing here can
 * change the real articles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cleanEnv } from '../../scripts/lib/env.ts';
import { freePort } from '../../scripts/lib/ports.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent, checkFrontmatter } from '../../src/integrations/content-checks.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { caseSchema } from '../../src/schemas/cases.ts';
import { launchBrowser, newContext } from './support/chromium.ts';

const baseURL = inject('baseURL');
const projectRoot = inject('projectRoot');

let browser: Browser;
let decap: ChildProcess | undefined;
let decapPort = 0;
let repo = '';

beforeAll(async () => {
  decapPort = await freePort();
  repo = mkdtempSync(join(tmpdir(), 'taishan-cms-'));
  cpSync(join(projectRoot, 'content'), join(repo, 'content'), { recursive: true });
  decap = spawn(process.execPath, [join(projectRoot, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    cwd: projectRoot,
    // MODE must be set: vitest exports MODE=test, which decap-server reads as its own setting.
    env: cleanEnv({ set: { PORT: String(decapPort), GIT_REPO_DIRECTORY: repo, MODE: 'fs', LOG_LEVEL: 'error' } }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  decap.stdout!.on('data', (d) => (log += d));
  decap.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`http://localhost:${decapPort}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"action":"info"}',
      });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`decap-server 没有在 30 秒内启动：\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  decap?.kill('SIGTERM');
  if (repo) rmSync(repo, { recursive: true, force: true });
});

async function openAdmin() {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  // The shipped config points at decap-server's default address
  // (http://localhost:8081/api/v1); send it to the one started above.
  await context.route('http://localhost:8081/**', (route) =>
    route.continue({ url: route.request().url().replace('localhost:8081', `localhost:${decapPort}`) }),
  );
  const page = await context.newPage();
  return { context, page };
}

describe('/admin/ (Decap CMS)', () => {
  it('loads offline, in Chinese, and lists the cases collection from the local backend', async () => {
    const { context, page } = await openAdmin();
    const outside: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (r) => {
      const host = new URL(r.url()).hostname;
      if (!['localhost', '127.0.0.1'].includes(host) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        outside.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(baseURL + '/admin/');
    // With the local backend, Decap shows a 登录 button that needs no password.
    await page.getByRole('button', { name: '登录' }).click({ timeout: 60_000 });

    const collection = page.getByRole('link', { name: '以案说法' }).first();
    await collection.waitFor({ timeout: 60_000 });
    // An article from content/cases/ is listed.
    const sample = splitFrontmatter(
      readFileSync(join(projectRoot, 'content', 'cases', 'unpaid-wages-contractor-fled.mdx'), 'utf8'),
    ).data.title as string;
    await page.getByText(sample).first().waitFor({ timeout: 30_000 });
    // The interface speaks Chinese (Decap's zh_Hans locale).
    expect(await page.locator('body').innerText()).toMatch(/快速新建/);
    // Opening it shows the Chinese field labels of src/cms/config.yml with the article's values.
    await page.getByText(sample).first().click();
    await page.getByText('问题类别').first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('textbox').first().inputValue()).toBe(sample);

    expect(outside, '编辑后台不应请求外部网址').toEqual([]);
    expect(cspErrors, '编辑后台不应触发内容安全策略错误').toEqual([]);
    await context.close();
  });

  it('saves an edited article in a form the content checks accept', async () => {
    const { context, page } = await openAdmin();
    const file = join(repo, 'content', 'cases', 'work-injury-recognition.mdx');
    const before = splitFrontmatter(readFileSync(file, 'utf8'));
    await page.goto(baseURL + '/admin/#/collections/cases/entries/work-injury-recognition');
    await page.getByRole('button', { name: '登录' }).click({ timeout: 60_000 });
    const title = page.getByRole('textbox').first();
    await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toBe(before.data.title);
    await title.fill(`${before.data.title}（已核对）`);
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    await expect
      .poll(() => splitFrontmatter(readFileSync(file, 'utf8')).data.title, { timeout: 30_000 })
      .toBe(`${before.data.title}（已核对）`);

    const after = splitFrontmatter(readFileSync(file, 'utf8'));
    // Every other field survives the round trip with the same meaning.
    const norm = (d: Record<string, unknown>) =>
      JSON.parse(JSON.stringify({ ...d, title: undefined }, (_k, v) => (typeof v === 'number' ? String(v) : v)));
    expect(norm(after.data)).toEqual(norm(before.data));
    expect(after.body.trim().length).toBeGreaterThan(before.body.trim().length * 0.9);
    const collections = {
      cases: {
        dir: 'content/cases',
        pattern: /^work-injury-recognition\.mdx$/,
        schema: caseSchema,
        requiredSections: ['案情', '法律分析', '怎么办'],
      },
    };
    expect(checkFrontmatter(repo, collections)).toEqual([]);
    expect(checkContent(join(repo, 'content'), join(repo, 'content', 'laws'), repo)).toEqual([]);
    await context.close();
  });

  it('has its own looser policy, and the public pages keep the strict one', async () => {
    const admin = await fetch(baseURL + '/admin/');
    expect(admin.status).toBe(200);
    const adminCsp = admin.headers.get('content-security-policy') ?? '';
    expect(adminCsp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(adminCsp).toMatch(/frame-ancestors 'none'/);
    expect(admin.headers.get('x-robots-tag')).toMatch(/noindex/);
    for (const path of ['/', '/cases/', '/cases/unpaid-wages-contractor-fled/', '/cases/rss.xml', '/plan/']) {
      const res = await fetch(baseURL + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
      expect(csp, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    }
  });
});
