import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seriousViolations } from './axe';
import { addMember } from './cli';
import { newPage, openBrowser, portal, screenshotBothWidths, signIn } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

describe('members', () => {
  it('a member added with the CLI signs in with the printed password', async () => {
    const member = await addMember('member');
    expect(member.password).toEqual(expect.any(String));
    const page = await newPage(browser);
    await signIn(page, member);
    expect(new URL(page.url()).pathname).toBe(`/t/${portal().team}`);
    await expect(page.getByText(member.email).count()).resolves.toBeGreaterThan(0);
  });

  it('a viewer cannot reach settings: the page refuses, and so do its procedures', async () => {
    const viewer = await addMember('viewer');
    const page = await newPage(browser);
    await signIn(page, viewer);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL(`**/t/${portal().team}/settings`);
    await page.getByText('Settings are for the team').waitFor();
    await expect(
      page.getByRole('link', { name: 'your account page' }).getAttribute('href'),
    ).resolves.toBe(`/t/${portal().team}/account`);
    await expect(page.getByRole('heading', { name: 'API keys' }).count()).resolves.toBe(0);

    // The same session, asking the API directly (as a script on the page could).
    const answer = await page.evaluate(async (team) => {
      const response = await fetch('/api/trpc/apiKeys.list', {
        headers: { 'x-opsledger-team': team },
      });
      return { status: response.status, body: (await response.json()) as unknown };
    }, portal().team);
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).toContain('a viewer may not manage');
  });

  it('the owner adds a member in Settings and sees the initial password and invite link', async () => {
    const page = await newPage(browser);
    await signIn(page, portal().owner);
    await page.goto(`/t/${portal().team}/settings`);
    // A bad address is named at the field.
    await page.getByLabel('Email', { exact: true }).fill('not-an-address');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('must be an email address').waitFor();

    const email = `settings-${Date.now().toString(36)}@people.example`;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText(`Initial password for ${email}`).waitFor();
    await page.getByText(`/sign-in?email=${encodeURIComponent(email)}`).waitFor();
    await expect(
      page.getByRole('combobox', { name: `Role of ${email}` }).inputValue(),
    ).resolves.toBe('viewer');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'settings-owner');
  });
});
