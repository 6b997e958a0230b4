/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser),
 * for the browser tests and the bench (search, Lighthouse).
 * The flags stop Chromium from reaching out to Google's services, which this
 * machine's network refuses, and from needing a sandbox it cannot have as root.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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

/**
 * Chromium 156 in headless mode keeps the browser's own omnibox popups
 * (chrome://omnibox-popup.top-chrome/, WebUI pages) running for every window,
 * though nothing ever shows them: measured here, they cost about 0.1 CPU
 * second every second while the browser is idle, and make every new context
 * (1.2 instead of 2.1 CPU seconds) and page load (0.3 instead of 0.5) dearer.
 * Disabled through chromium-launch.sh, which adds them to Playwright's own
 * --disable-features list. They are browser interface, not web content: pages
 * behave the same.
 */
const DISABLE_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const launchOptions = (extraFlags: string[]) => ({
  executablePath: join(import.meta.dirname, 'chromium-launch.sh'),
  args: [...CHROMIUM_FLAGS, ...extraFlags],
  env: {
    ...process.env,
    CHROMIUM_EXECUTABLE: chromiumPath(),
    CHROMIUM_DISABLE_FEATURES: DISABLE_FEATURES.join(','),
  },
});

/** `extraFlags`: e.g. --host-resolver-rules, to open the local server under another host name. */
export function launchBrowser(extraFlags: string[] = []): Promise<Browser> {
  return chromium.launch(launchOptions(extraFlags));
}
