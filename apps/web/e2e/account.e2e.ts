import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seriousViolations } from './axe';
import { addMember } from './cli';
import { newPage, openBrowser, portal, screenshotBothWidths, signIn, watchPage } from './portal';

/**
 * A person changes their own password on their account page. Each test changes the password of
 * a member it adds itself (with the CLI, as an owner would), never the owner's from
 * credentials.json that the other specs sign in with.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

const NEW_PASSWORD = 'correct horse battery staple';

/** From the team's page to the account page, through the shell's link (the person's email). */
async function openAccount(page: Page, email: string) {
  await page.getByRole('link', { name: `Your account: ${email}` }).click();
  await page.waitForURL(`**/t/${portal().team}/account`);
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
}

async function fillChange(
  page: Page,
  change: { current: string; next: string; confirm?: string },
): Promise<void> {
  await page.getByLabel('Current password').fill(change.current);
  await page.getByLabel('New password', { exact: true }).fill(change.next);
  await page.getByLabel('Confirm new password').fill(change.confirm ?? change.next);
  await page.getByRole('button', { name: 'Change password' }).click();
}

/** The error shown at a field: the text its aria-describedby points to, once it is invalid. */
async function fieldError(page: Page, label: string): Promise<string | null> {
  const field = page.getByLabel(label, { exact: true });
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await field.getAttribute('aria-describedby');
  return describedBy ? page.locator(`[id="${describedBy}"]`).textContent() : null;
}

describe('changing my password', () => {
  it('a viewer changes theirs: the old one stops working, the new one signs in', async () => {
    const member = await addMember('viewer');
    // A second browser signed in as the same person: "sign out my other sessions" ends it.
    const elsewhere = await newPage(browser);
    await signIn(elsewhere, member);

    const page = await newPage(browser);
    const problems = watchPage(page);
    await signIn(page, member);
    await openAccount(page, member.email);
    await expect(page.getByLabel('Sign out my other sessions').isChecked()).resolves.toBe(true);
    await fillChange(page, { current: member.password, next: NEW_PASSWORD });
    await page
      .getByRole('status')
      .filter({ hasText: 'Your password is changed' })
      .filter({ hasText: 'Your other sessions are signed out.' })
      .waitFor();
    // The form is emptied for no one to read the passwords off the screen.
    await expect(page.getByLabel('Current password').inputValue()).resolves.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'account-changed');
    expect(problems).toEqual([]);

    // This browser stays signed in; the other one is sent to sign in.
    await page.goto(`/t/${portal().team}`);
    expect(new URL(page.url()).pathname).toBe(`/t/${portal().team}`);
    await elsewhere.goto(`/t/${portal().team}`);
    expect(new URL(elsewhere.url()).pathname).toBe('/sign-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await signIn(page, { email: member.email, password: NEW_PASSWORD });
    expect(new URL(page.url()).pathname).toBe(`/t/${portal().team}`);
  });

  it('says at the field what is wrong: too short and mismatched before sending, a wrong current password after', async () => {
    const member = await addMember('member');
    const page = await newPage(browser);
    await signIn(page, member);
    await openAccount(page, member.email);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/change-password')) sent.push(request.method());
    });

    await fillChange(page, { current: member.password, next: 'short one', confirm: 'short one' });
    await expect(fieldError(page, 'New password')).resolves.toBe(
      'Too short: use at least 12 characters (this one has 9).',
    );
    // The cursor goes where the fix is.
    await expect(
      page
        .getByLabel('New password', { exact: true })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await fillChange(page, {
      current: member.password,
      next: NEW_PASSWORD,
      confirm: 'something else',
    });
    await expect(fieldError(page, 'Confirm new password')).resolves.toBe(
      'This does not match the new password.',
    );
    expect(sent).toEqual([]);

    await fillChange(page, { current: 'not my password at all', next: NEW_PASSWORD });
    await expect(fieldError(page, 'Current password')).resolves.toBe(
      'That is not your current password.',
    );
    expect(sent).toEqual(['POST']);
    await expect(page.getByRole('status').filter({ hasText: 'changed' }).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'account-wrong-current');

    // Nothing changed: the printed password still signs in.
    const again = await newPage(browser);
    await signIn(again, member);
  });
});
