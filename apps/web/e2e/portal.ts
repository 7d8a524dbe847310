/**
 * The browser test harness: the built portal (`next start`, as `pnpm start` runs it) on a fresh
 * data directory, and Debian's Chromium driven by playwright-core (never a downloaded browser).
 * global-setup.ts starts one server for the whole run; every spec file reads it with
 * `portal()` and opens its own browser with `openBrowser()`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

import { createOpsLedgerClient } from '@opsledger/client';
import type { PortalAccount } from '@opsledger/client/credentials';

export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Screenshots land here: git-ignored, kept by CI as artifacts. */
export const ARTIFACTS_DIR = join(APP_DIR, 'e2e', '.artifacts');
/** Debian's package; OPSLEDGER_CHROMIUM points elsewhere (another distribution's path). */
const CHROMIUM = '/usr/bin/chromium';

/** What global setup hands every spec: where the portal runs and how to use it. */
export interface PortalUnderTest {
  url: string;
  dataDir: string;
  /** The owner's portal account from credentials.json. */
  owner: PortalAccount;
  /** The demo team's slug and owner API key (for the CLI and API writes). */
  team: string;
  ownerKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    portal: PortalUnderTest;
  }
}

export const portal = (): PortalUnderTest => inject('portal');

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Containers run as root without user namespaces: Chromium's sandbox cannot start there.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser context (no cookies) with one page at this size. */
export async function newPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: portal().url });
  return context.newPage();
}

/** Signs in through the sign-in form, as a person would; resolves once the team's page shows. */
export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/t\/[^/]+/);
}

/**
 * Saves the page as `<name>-<width>.png` under e2e/.artifacts at both widths: the whole page, or
 * what the screen shows (`fullPage: false`, for a dialog: its overlay covers only the screen).
 */
export async function screenshotBothWidths(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: join(ARTIFACTS_DIR, `${name}-${viewport.width}.png`),
      fullPage,
    });
  }
  await page.setViewportSize(original);
}

/**
 * What went wrong in the page as a person would not see it but a developer would: uncaught
 * exceptions and console errors, collected from now on (printed by the spec when it fails).
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A failed load is reported with its address below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console.error: ${message.text()}`);
  });
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico by itself; the portal has no icon.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The native API as the demo team's owner key: writes that a page should show. */
export const ownerClient = () =>
  createOpsLedgerClient({ url: portal().url, key: portal().ownerKey, retry: false });

/** A name no other spec (or earlier run on the same data) uses. */
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The elements inside <main> that scroll sideways on their own (a table too wide for it). */
export const sidewaysScrollers = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => element.scrollWidth - element.clientWidth > 1)
      .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX))
      .filter((element) => element.tagName !== 'PRE')
      .map((element) => `${element.tagName.toLowerCase()}.${element.className.split(' ')[0]}`),
  );
