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

/** Saves the page as `<name>-<width>.png` under e2e/.artifacts at both widths. */
export async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: join(ARTIFACTS_DIR, `${name}-${viewport.width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(original);
}
