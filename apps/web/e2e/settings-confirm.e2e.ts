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
  sidewaysScrollers,
  signIn,
  unique,
  watchPage,
} from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

async function ownersSettings(): Promise<{ page: Page; problems: string[] }> {
  const page = await newPage(browser);
  const problems = watchPage(page);
  await signIn(page, portal().owner);
  await page.goto(`/t/${portal().team}/settings`);
  return { page, problems };
}

/** Whether an API key's secret still opens the team. */
async function keyWorks(secret: string): Promise<boolean> {
  const client = createOpsLedgerClient({ url: portal().url, key: secret, retry: false });
  return client.teams.current.query().then(
    () => true,
    () => false,
  );
}

describe('what cannot be undone in settings asks first', () => {
  it('removing a member: Cancel keeps them, Remove removes them', async () => {
    const member = await addMember('viewer');
    const { page, problems } = await ownersSettings();
    const opener = page.getByRole('button', { name: `Remove ${member.email}` });

    await opener.click();
    const dialog = page.getByRole('alertdialog', {
      name: `Remove ${member.email} from this team?`,
    });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(
      "They can no longer open this team's pages",
    );
    // Focus starts on Cancel: Enter straight away changes nothing.
    await expect(
      dialog
        .getByRole('button', { name: 'Cancel' })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'settings-confirm-remove', { fullPage: false });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(
      page.getByRole('combobox', { name: `Role of ${member.email}` }).count(),
    ).resolves.toBe(1);

    await opener.click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await page
      .getByRole('combobox', { name: `Role of ${member.email}` })
      .waitFor({ state: 'detached' });
    const members = await ownerClient().members.list.query();
    expect(members.map((person) => person.email)).not.toContain(member.email);
    expect(problems).toEqual([]);
  });

  it('revoking an API key: Escape keeps it working, Revoke stops it', async () => {
    const name = unique('confirm');
    const created = await ownerClient().apiKeys.create.mutate({ role: 'viewer', name });
    const { page, problems } = await ownersSettings();
    const opener = page.getByRole('button', { name: new RegExp(`^Revoke API key ${name} \\(`) });

    await opener.click();
    const dialog = page.getByRole('alertdialog', { name: `Revoke the API key ${name}?` });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await keyWorks(created.secret)).toBe(true);

    await opener.click();
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await opener.waitFor({ state: 'detached' });
    expect(await keyWorks(created.secret)).toBe(false);
    // The revoked key's row (with its date) still fits beside the sidebar.
    expect(await sidewaysScrollers(page)).toEqual([]);
    await page.getByRole('heading', { name: 'API keys' }).scrollIntoViewIfNeeded();
    await screenshotBothWidths(page, 'settings-revoked-key', { fullPage: false });
    expect(problems).toEqual([]);
  });
});
