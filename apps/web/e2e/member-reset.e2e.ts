import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createOpsLedgerClient } from '@opsledger/client';

import { seriousViolations } from './axe';
import { addMember } from './cli';
import {
  newPage,
  openBrowser,
  ownerClient,
  portal,
  screenshotBothWidths,
  signIn,
  unique,
  watchPage,
} from './portal';

/**
 * An owner resets the forgotten password of a member they add themselves (with the CLI), never
 * the owner's from credentials.json that the other specs sign in with.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

const settingsOf = () => `/t/${portal().team}/settings`;

/** The screen at both widths in the light theme, then in the portal's dark one (`-dark`). */
async function screenshotThemes(page: Page, name: string): Promise<void> {
  await screenshotBothWidths(page, name, { fullPage: false });
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await screenshotBothWidths(page, `${name}-dark`, { fullPage: false });
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
}

describe('resetting a member’s password in settings', () => {
  it('the owner resets it: the member’s browser is signed out and the new password signs in', async () => {
    const member = await addMember('member');
    const membersBrowser = await newPage(browser);
    await signIn(membersBrowser, member);

    const page = await newPage(browser);
    const problems = watchPage(page);
    await signIn(page, portal().owner);
    await page.goto(settingsOf());
    // Their own password is the account page's: no reset on the owner's own row.
    await page.getByRole('button', { name: `Remove ${portal().owner.email}` }).waitFor();
    await expect(
      page.getByRole('button', { name: `Reset password of ${portal().owner.email}` }).count(),
    ).resolves.toBe(0);

    // By keyboard: the row's button opens the confirmation, which says what the reset does.
    const opener = page.getByRole('button', { name: `Reset password of ${member.email}` });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reset this member’s password?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(
      `${member.email} gets a new password, shown here once, and every session they have open ends`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    // Cancel changes nothing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Reset password', exact: true }).click();
    const shown = page.getByRole('dialog', { name: 'Password reset' });
    await shown.waitFor();
    const password = (await shown.locator('code').textContent()) ?? '';
    expect(password).toMatch(/^[\w-]{24}$/);
    await expect(shown.getByRole('button', { name: 'Copy new password' }).count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotThemes(page, 'settings-reset-password');
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);

    // The member's open session is over; the old password is refused, the new one signs in.
    await membersBrowser.goto(`/t/${portal().team}`);
    expect(new URL(membersBrowser.url()).pathname).toBe('/sign-in');
    await membersBrowser.getByLabel('Email').fill(member.email);
    await membersBrowser.getByLabel('Password').fill(member.password);
    await membersBrowser.getByRole('button', { name: 'Sign in' }).click();
    await membersBrowser
      .getByRole('alert')
      .filter({ hasText: 'Wrong email or password.' })
      .waitFor();
    await signIn(membersBrowser, { email: member.email, password });
    expect(new URL(membersBrowser.url()).pathname).toBe(`/t/${portal().team}`);
  });

  it('an admin sees no reset on an owner’s row, and the API’s reason for one it refuses', async () => {
    const admin = await addMember('admin');
    const page = await newPage(browser);
    await signIn(page, admin);
    await page.goto(settingsOf());
    await page.getByRole('button', { name: `Remove ${portal().owner.email}` }).waitFor();
    await expect(
      page.getByRole('button', { name: `Reset password of ${portal().owner.email}` }).count(),
    ).resolves.toBe(0);
    await expect(
      page.getByRole('button', { name: `Reset password of ${admin.email}` }).count(),
    ).resolves.toBe(0);

    // The list does not say who belongs to another team too: the dialog gives the API's reason.
    const other = await addMember('viewer');
    const { ownerKey } = await ownerClient().teams.create.mutate({
      slug: unique('elsewhere'),
      name: 'Elsewhere',
    });
    await createOpsLedgerClient({
      url: portal().url,
      key: ownerKey.secret,
      retry: false,
    }).members.add.mutate({ email: other.email, role: 'viewer' });
    await page.reload();
    await page.getByRole('button', { name: `Reset password of ${other.email}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset this member’s password?' });
    await dialog.getByRole('button', { name: 'Reset password', exact: true }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'they can change it themselves on their account page' })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotThemes(page, 'settings-reset-refused');
    // Refused: their password still signs them in.
    await signIn(await newPage(browser), other);
  });
});
