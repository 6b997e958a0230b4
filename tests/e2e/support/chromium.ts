/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser).
 * The flags stop Chromium from reaching out to Google's services, which this
 * machine's network refuses, and from needing a sandbox it cannot have as root.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `找不到 Chromium（${path}）。浏览器测试需要它：\n` +
        `  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk\n` +
        `  或设置 CHROME_PATH 指向已安装的 Chromium/Chrome 可执行文件。\n` +
        `Browser tests need Chromium: install it with apt (package "chromium") or set CHROME_PATH.`,
    );
  }
  return path;
}

/** `extraFlags`: e.g. --host-resolver-rules, to open the local server under another host name. */
export function launchBrowser(extraFlags: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

/** A fresh context: no stored preferences, Chinese locale, a phone-sized or given viewport. */
/** The reader's display choices as the display-settings script stores them (src/components/DisplaySettings). */
export interface DisplayPrefs {
  font?: string;
  contrast?: string;
}

/**
 * A browser context in Chinese at phone size; with `display`, every page in it
 * starts with those display choices already stored, as for a reader who made
 * them on an earlier visit.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions & { display?: DisplayPrefs } = {},
): Promise<BrowserContext> {
  const { display, ...rest } = options;
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, ...rest });
  if (display?.font || display?.contrast) {
    await context.addInitScript((p) => {
      if (p.font) localStorage.setItem('ts-font', p.font);
      if (p.contrast) localStorage.setItem('ts-contrast', p.contrast);
    }, display);
  }
  return context;
}
