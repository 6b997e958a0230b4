/**
 * The staff desk (/staff/) in browser tests, as a staff member uses it:
 * signing in with a token typed on the keyboard, and loading the bureau's
 * private key file through the file input (it stays on the device).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const POLL = { timeout: 30_000, interval: 250 };

/** Opens the desk at `baseURL`, signs in with `token` and waits for the list of applications. */
export async function signIn(page: Page, baseURL: string, token: string): Promise<void> {
  await page.goto(`${baseURL}/staff/`);
  await page.waitForSelector('[data-desk]:not([hidden])');
  await page.locator('#desk-token').focus();
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-signed-in]:not([hidden])', POLL);
  await expect.poll(() => page.locator('[data-records] tr').count(), POLL).toBeGreaterThan(0);
}

/** Loads the private key file on the signed-in desk and waits until the desk lists its key. */
export async function loadKeyFile(page: Page, file: string): Promise<void> {
  await page.locator('#desk-keyfile').setInputFiles(file);
  await expect.poll(() => page.locator('[data-keys-list]').textContent(), POLL).toContain('密钥编号');
}
