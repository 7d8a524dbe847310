import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { seriousViolations } from './axe';
import {
  ARTIFACTS_DIR,
  newPage,
  openBrowser,
  portal,
  screenshotBothWidths,
  signIn,
  watchPage,
} from './portal';

let browser: Browser;
let page: Page;
let problems: string[] = [];
beforeAll(async () => {
  browser = await openBrowser();
  page = await newPage(browser);
  problems = watchPage(page);
  await signIn(page, portal().owner);
});
beforeEach((context) => {
  problems.length = 0;
  context.onTestFailed(async () => {
    const name = context.task.name.replace(/\W+/g, '-');
    await page.screenshot({ path: `${ARTIFACTS_DIR}/failed-${name}.png` }).catch(() => {});
    console.error(`${context.task.name}: ${page.url()}\n${problems.join('\n')}`);
  });
});
afterAll(() => browser.close());

const team = () => portal().team;
const rowsOf = (name: string) => page.getByRole('table', { name }).locator('tbody tr');

describe('audit logs', () => {
  it('filters by the URL: a shared link opens the same filtered view', async () => {
    await page.goto(`/t/${team()}/audit-logs?q=logout`);
    await expect(page.getByLabel('Action or content').inputValue()).resolves.toBe('logout');
    const actions = await rowsOf('Audit logs').locator('td:nth-child(2) code').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((action) => action === 'logout')).toBe(true);
  });

  it('filters by the control, writes it to the URL, and the back button undoes it', async () => {
    await page.goto(`/t/${team()}/audit-logs`);
    const all = await rowsOf('Audit logs').count();
    await page.getByLabel('Category').fill('no-such-category');
    await page.waitForURL(/category=no-such-category/);
    await page.getByText('No audit log matches these filters.').waitFor();
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('category'));
    await expect(rowsOf('Audit logs').count()).resolves.toBe(all);
  });

  it('opens a row as the full record', async () => {
    await page.goto(`/t/${team()}/audit-logs`);
    await rowsOf('Audit logs').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.getByText('Browser / OS').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});

describe('activity', () => {
  it('pages with "Load more" and never repeats a row', async () => {
    await page.goto(`/t/${team()}/activity`);
    const first = await rowsOf('Activity').count();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('table tbody tr').length > count,
      first,
    );
    expect(await rowsOf('Activity').count()).toBeGreaterThan(first);
  });

  it("opens a resource's timeline with its changed fields, and the URL names it", async () => {
    await page.goto(`/t/${team()}/activity?keypoint=true`);
    await rowsOf('Activity').first().click();
    await page.waitForURL(/timeline=/);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^Timeline: / }).waitFor();
    // The timeline loads in the open drawer.
    await dialog.getByRole('list', { name: 'Changed fields' }).first().waitFor();
    await expect(dialog.getByText('keypoint').count()).resolves.toBeGreaterThan(0);
  });
});

const PAGES = [
  ['overview', ''],
  ['audit-logs', '/audit-logs'],
  ['activity', '/activity'],
  ['passports', '/passports'],
  ['backups', '/backups'],
  ['syncs', '/syncs'],
  ['events', '/events'],
  ['traffic', '/traffic'],
] as const;

describe('every stream page', () => {
  it.each(PAGES)('%s has its data on first paint, no serious axe violation', async (name, path) => {
    await page.goto(`/t/${team()}${path}`);
    // Server-rendered with its data: no loading state in the first HTML's main content.
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' }).count()).resolves.toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, `stream-${name}`);
  });
});
