import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seriousViolations } from './axe';
import {
  DESKTOP,
  newPage,
  openBrowser,
  PHONE,
  portal,
  screenshotBothWidths,
  sidewaysScrollers,
  signIn,
  watchPage,
} from './portal';

/**
 * Every page of the portal, as the owner of the demo team sees it: its heading and data in the
 * server's HTML, no serious or critical axe-core violation on a desktop or a phone, nothing
 * wider than the screen, and screenshots at both widths (e2e/.artifacts/page-<name>-<width>.png).
 */
let browser: Browser;
let page: Page;
let problems: string[];
beforeAll(async () => {
  browser = await openBrowser();
  page = await newPage(browser);
  problems = watchPage(page);
  await signIn(page, portal().owner);
});
afterAll(() => browser.close());

const PAGES = [
  ['overview', '', 'Overview'],
  ['audit-logs', '/audit-logs', 'Audit logs'],
  ['activity', '/activity', 'Activity'],
  ['passports', '/passports', 'Passports'],
  ['backups', '/backups', 'Backups'],
  ['syncs', '/syncs', 'Syncs'],
  ['events', '/events', 'Events'],
  ['traffic', '/traffic', 'Traffic'],
  ['settings', '/settings', 'Settings'],
  ['account', '/account', 'Account'],
] as const;

/** How far the document scrolls sideways: a page wider than the screen. */
const overflowX = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('every portal page', () => {
  it.each(PAGES)(
    '%s: data on first paint, accessible, fits the screen',
    async (name, path, title) => {
      const url = `/t/${portal().team}${path}`;
      // The server's HTML already has the page's heading and no loading state.
      const html = await (await page.request.get(url)).text();
      expect(html).toContain(`>${title}</h1>`);
      expect(html).not.toContain('Loading…');

      problems.length = 0;
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.waitForLoadState('load');

      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        // (Charts follow the new width after a resize observer's turn.)
        await expect
          .poll(overflowX, { message: `${name} at ${viewport.width}`, timeout: 5_000 })
          .toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), `${name} at ${viewport.width}`).toEqual([]);
      }
      await page.setViewportSize(DESKTOP);
      // At 1280 beside the sidebar, a list fits without scrolling sideways.
      expect(await sidewaysScrollers(page)).toEqual([]);
      await screenshotBothWidths(page, `page-${name}`);
      expect(problems).toEqual([]);
    },
  );
});
