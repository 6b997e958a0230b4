/**
 * Inlined styles under the site's Content-Security-Policy, through netlify
 * dev with the real build, headers and functions: a static page and a page a
 * function renders (/stats/, in 简体 and 繁體) are styled, with no CSP
 * violation in the browser; the static pages get the build's _headers policy
 * and /admin/ keeps netlify.toml's own (src/lib/http/csp.ts says why).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseHeadersFile } from '../../src/lib/http/headers-file.ts';
import { launchBrowser, newContext } from './support/chromium.ts';

const baseURL = inject('baseURL');
const built = parseHeadersFile(readFileSync(join(inject('projectRoot'), 'dist', '_headers'), 'utf8'));
const sitePolicy = built.find((r) => r.for === '/*')!.values['Content-Security-Policy']!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every CSP violation and console error while the page loads, and whether the site's styles applied. */
async function visit(page: Page, path: string) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const res = await page.goto(baseURL + path, { waitUntil: 'load' });
  // The site's styles take the skip link out of the flow until it is focused; unstyled, it is static.
  const styled = await page.evaluate(() => ({
    skipLink: getComputedStyle(document.querySelector('.skip-link')!).position,
    styleSheets: document.styleSheets.length,
  }));
  return { problems, styled, csp: res?.headers()['content-security-policy'] ?? '' };
}

describe('inline styles under the Content-Security-Policy, through netlify dev', () => {
  it.each(['/cases/unpaid-wages-contractor-fled/', '/zh-hant/apply/legal-aid/form/', '/stats/', '/zh-hant/stats/'])(
    '%s is styled, with no CSP violation',
    async (path) => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const { problems, styled, csp } = await visit(page, path);
      expect(problems).toEqual([]);
      expect(styled.skipLink).toBe('absolute');
      expect(styled.styleSheets).toBeGreaterThan(0);
      expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/);
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      // Static pages carry the build's policy; function pages the policy for their shell's styles.
      if (!path.includes('stats')) expect(csp).toBe(sitePolicy);
      await context.close();
    },
  );

  it('blocks a style the build did not write', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(baseURL + '/privacy/', { waitUntil: 'load' });
    const applied = await page.evaluate(async () => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px solid rgb(1, 2, 3) }';
      document.head.append(style);
      await new Promise((r) => setTimeout(r, 50));
      return getComputedStyle(document.body).outlineWidth;
    });
    expect(applied).not.toBe('7px');
    expect(violations.length).toBeGreaterThan(0);
    await context.close();
  });

  it('/admin/ keeps its own policy from netlify.toml', async () => {
    const admin = await fetch(baseURL + '/admin/');
    const csp = admin.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(csp).not.toContain('sha256-');
    const privacy = await fetch(baseURL + '/privacy/');
    expect(privacy.headers.get('content-security-policy')).toBe(sitePolicy);
  });
});
