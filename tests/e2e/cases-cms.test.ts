/**
 * The editing interface at /admin/ (Decap CMS, bundled from npm) in Chromium
 * against the served build: it loads with no request leaving this machine,
 * speaks Chinese, finds the local backend (decap-server, started here on a
 * free port) and lists the 以案说法 collection with its articles; an article,
 * and the office types' text (content/directory/office-types.yaml), saved from
 * it still pass the content checks; its looser Content-Security-Policy stays on
 * /admin/ only. Where no backend answers (decap-server not running; a deployed
 * site without online editing) it explains in Chinese what to do instead of
 * showing Decap's English login.
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
import { checkAll } from '../../src/integrations/content-checks.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { parse as parseYaml } from 'yaml';
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
      readFileSync(join(projectRoot, 'content', 'cases', 'unpaid-wages-contractor-fled.md'), 'utf8'),
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
    const file = join(repo, 'content', 'cases', 'work-injury-recognition.md');
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
    // The saved article, and all the rest, still pass every check `npm run check:content` makes.
    expect(checkAll(repo).map((p) => p.text)).toEqual([]);
    await context.close();
  });

  it('saves the office types’ text in a form the content checks accept', async () => {
    const { context, page } = await openAdmin();
    const file = join(repo, 'content', 'directory', 'office-types.yaml');
    const read = () => parseYaml(readFileSync(file, 'utf8')) as { types: Record<string, unknown>[] };
    const before = read();
    const short = String(before.types[2]!.short);
    await page.goto(baseURL + '/admin/#/collections/directory/entries/office-types');
    await page.getByRole('button', { name: '登录' }).click({ timeout: 60_000 });
    // The list is collapsed: each item shows its summary under a top bar whose first button expands it.
    const summary = page.getByText('法律援助工作站（legal-aid-station）', { exact: true });
    await summary.waitFor({ timeout: 60_000 });
    await summary.locator('xpath=preceding-sibling::*[1]').getByRole('button').first().click();
    const field = page.locator(`input[value="${short}"]`);
    await field.waitFor({ timeout: 30_000 });
    await field.fill(`${short}（已核对）`);
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    await expect.poll(() => read().types[2]!.short, { timeout: 30_000 }).toBe(`${short}（已核对）`);

    // Every other type and field survives the round trip with the same meaning.
    const norm = (d: { types: Record<string, unknown>[] }) =>
      JSON.parse(
        JSON.stringify(
          d.types.map((t, i) => (i === 2 ? { ...t, short: undefined } : t)),
          (_k, v) => (typeof v === 'number' ? String(v) : v),
        ),
      );
    expect(norm(read())).toEqual(norm(before));
    expect(checkAll(repo).map((p) => p.text)).toEqual([]);
    await context.close();
  });

  it('without decap-server, explains in Chinese how to start local editing', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    // Nothing answers at decap-server's address, as under npm start or npm run dev.
    await context.route('http://localhost:8081/**', (route) => route.abort('connectionrefused'));
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(baseURL + '/admin/');
    const heading = page.getByRole('heading', { level: 1, name: '编辑后台没有打开：本机编辑服务没有启动' });
    await heading.waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain('npm run cms');
    expect(text).toContain('http://localhost:8888/admin/');
    // Decap never started: no English login form, no Decap root.
    expect(await page.locator('#nc-root').count()).toBe(0);
    expect(text).not.toMatch(/Login|Email|Password/i);
    expect(await page.title()).toContain('编辑后台没有打开');
    expect(cspErrors).toEqual([]);
    await expectNoAxeViolations(page, '/admin/（本机编辑服务没有启动）');
    await context.close();
  });

  it('on a deployed site without online editing, says it is not set up and what to do', async () => {
    // Served under a host name that is not localhost, as the deployed site is;
    // this build was made without CMS_ONLINE_EDITING.
    const { port } = new URL(baseURL);
    const remote = await launchBrowser(['--host-resolver-rules=MAP sfj.test 127.0.0.1']);
    try {
      const context = await newContext(remote, { viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const probes: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes(':8081')) probes.push(r.url());
      });
      await page.goto(`http://sfj.test:${port}/admin/`);
      await page.getByRole('heading', { level: 1, name: '编辑后台现在不能在网上使用' }).waitFor({ timeout: 30_000 });
      const text = await page.locator('body').innerText();
      expect(text).toContain('网站的线上编辑还没有开通');
      expect(text).toContain('docs/editing.md');
      expect(text).not.toMatch(/Login|Email|Password/i);
      expect(await page.getByRole('link', { name: '内容审核清单' }).getAttribute('href')).toBe('/review/');
      expect(probes, '网上的编辑后台不应去找本机的 decap-server').toEqual([]);
      await expectNoAxeViolations(page, '/admin/（线上编辑没有开通）');
      await context.close();
    } finally {
      await remote.close();
    }
  });

  it('has its own looser policy, and the public pages keep the strict one', async () => {
    const admin = await fetch(baseURL + '/admin/');
    expect(admin.status).toBe(200);
    const adminCsp = admin.headers.get('content-security-policy') ?? '';
    expect(adminCsp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(adminCsp).toMatch(/frame-ancestors 'none'/);
    expect(admin.headers.get('x-robots-tag')).toMatch(/noindex/);
    // The GitHub sign-in pop-up (api.netlify.com) returns the token through window.opener.
    expect(admin.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
    expect(adminCsp).toMatch(/connect-src 'self' http:\/\/localhost:8081 https:\/\/api\.github\.com;/);
    for (const path of ['/', '/cases/', '/cases/unpaid-wages-contractor-fled/', '/cases/rss.xml', '/plan/']) {
      const res = await fetch(baseURL + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      // The build's policy (dist/_headers): inline scripts and styles only by their hashes (tests/e2e/csp.test.ts).
      expect(csp, path).toMatch(
        /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/]{43}=')+; style-src 'self'( 'sha256-[\w+/]{43}=')+;/,
      );
      expect(csp, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
    }
  });
});
