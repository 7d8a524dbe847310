import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seriousViolations } from './axe';
import { newPage, openBrowser, portal, screenshotBothWidths, signIn } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

const NAV = [
  'Overview',
  'Audit logs',
  'Activity',
  'Passports',
  'Backups',
  'Syncs',
  'Events',
  'Traffic',
  'Settings',
];

describe('signing in to the portal', () => {
  it('sends a visitor to the sign-in page, whatever they asked for', async () => {
    const page = await newPage(browser);
    await page.goto(`/t/${portal().team}/audit-logs`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Sign in to OpsLedger',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'sign-in');
  });

  it('refuses a wrong password and says so', async () => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(portal().owner.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // (Next's route announcer is an alert too: the form's is found by its words.)
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('signs the owner in from credentials.json into their team, with the main navigation', async () => {
    const page = await newPage(browser);
    await signIn(page, portal().owner);
    expect(new URL(page.url()).pathname).toBe(`/t/${portal().team}`);
    for (const name of NAV) {
      await expect(page.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.getByText(portal().owner.email).count()).resolves.toBeGreaterThan(0);
    // The session cookie is out of scripts' reach.
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.includes('session_token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'overview');

    await page.getByRole('link', { name: 'Audit logs', exact: true }).click();
    await page.waitForURL(`**/t/${portal().team}/audit-logs`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Audit logs');
  });

  it('signs out: the team pages send them back to sign in', async () => {
    const page = await newPage(browser);
    await signIn(page, portal().owner);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`/t/${portal().team}`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('collapses the navigation behind a menu button at 390 px', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, portal().owner);
    await expect(
      page.getByRole('link', { name: 'Settings', exact: true }).isVisible(),
    ).resolves.toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL(`**/t/${portal().team}/settings`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'settings');
  });
});
