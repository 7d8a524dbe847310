import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newPage, openBrowser, ownerClient, portal, signIn, unique, watchPage } from './portal';

/**
 * The live tail: a record written through the API while a list is open shows at the top of the
 * list, highlighted, without a reload; one outside the page's filters does not; a paused tail
 * shows nothing new until it is resumed, and then what arrived meanwhile.
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

const team = () => portal().team;
const rowsOf = (name: string) => page.getByRole('table', { name }).locator('tbody tr');
const liveStatus = () => page.getByRole('status').filter({ hasText: /Live|Reconnecting|Paused/ });

/** A flag on the window: gone if the page reloaded or navigated away. */
async function markDocument() {
  await page.evaluate(() => {
    (window as unknown as { e2eSameDocument: boolean }).e2eSameDocument = true;
  });
}
const sameDocument = () =>
  page.evaluate(
    () => (window as unknown as { e2eSameDocument?: boolean }).e2eSameDocument === true,
  );

/** Long enough for a wrongly delivered record to have arrived, were the tail going to send it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

const auditEntry = (action: string, category: string) => ({
  scope: 'e2e',
  category,
  action,
  content: `the live tail shows ${action}`,
  actor: { did: 'z1e2eLiveTail', fullName: 'Live Tail' },
});

describe('the audit logs live tail', () => {
  it('shows a new audit log at the top, highlighted, without a reload; not one outside the filters', async () => {
    const category = unique('e2e-live');
    await ownerClient().auditLogs.record.mutate(auditEntry(unique('before'), category));
    await page.goto(`/t/${team()}/audit-logs?category=${category}`);
    await expect(rowsOf('Audit logs').count()).resolves.toBe(1);
    await liveStatus().filter({ hasText: 'Live' }).waitFor();
    await markDocument();

    const outside = unique('outside');
    const inside = unique('inside');
    await ownerClient().auditLogs.record.mutate(auditEntry(outside, `${category}-other`));
    await ownerClient().auditLogs.record.mutate(auditEntry(inside, category));

    const newRow = rowsOf('Audit logs').filter({ hasText: inside });
    await newRow.waitFor({ timeout: 15_000 });
    // At the top, marked as just arrived, in the same document (no reload).
    await expect(rowsOf('Audit logs').first().textContent()).resolves.toContain(inside);
    await expect(newRow.getAttribute('data-fresh')).resolves.toBe('');
    await expect(rowsOf('Audit logs').count()).resolves.toBe(2);
    expect(await sameDocument()).toBe(true);
    await settle();
    await expect(page.getByText(outside).count()).resolves.toBe(0);
    // The highlight fades.
    await page.waitForFunction(
      (action) =>
        [...document.querySelectorAll('tbody tr')].some(
          (row) => row.textContent?.includes(action) && !row.hasAttribute('data-fresh'),
        ),
      inside,
      { timeout: 15_000 },
    );
    // The row opens as the full record, as a listed one does.
    await newRow.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `${inside} by Live Tail` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });
});

describe('the events live tail', () => {
  it('shows a new user event without a reload, and holds new ones while paused', async () => {
    await page.goto(`/t/${team()}/events`);
    const table = () => rowsOf('User events');
    await table().first().waitFor();
    await liveStatus().filter({ hasText: 'Live' }).waitFor();
    await markDocument();

    const first = unique('e2e-event');
    const system = unique('e2e-system');
    await ownerClient().events.record.mutate({ type: 'system', module: 'E2E', name: system });
    await ownerClient().events.record.mutate({ type: 'user', module: 'E2E', name: first });
    await table().filter({ hasText: first }).waitFor({ timeout: 15_000 });
    // Near the top: above it at most the request log's events of the API calls just made.
    const top = await table().evaluateAll((rows) => rows.slice(0, 4).map((row) => row.textContent));
    expect(top.some((text) => text?.includes(first))).toBe(true);
    expect(await sameDocument()).toBe(true);

    // Paused: the status says so and nothing new comes in…
    await page.getByRole('button', { name: 'Pause live tail' }).click();
    await liveStatus().filter({ hasText: 'Paused' }).waitFor();
    const whilePaused = unique('e2e-paused');
    await ownerClient().events.record.mutate({ type: 'user', module: 'E2E', name: whilePaused });
    await settle();
    await expect(table().filter({ hasText: whilePaused }).count()).resolves.toBe(0);

    // …until it is resumed: then what arrived meanwhile comes, once.
    await page.getByRole('button', { name: 'Resume live tail' }).click();
    await liveStatus().filter({ hasText: 'Live' }).waitFor();
    await table().filter({ hasText: whilePaused }).waitFor({ timeout: 15_000 });
    await expect(table().filter({ hasText: whilePaused }).count()).resolves.toBe(1);
    await expect(table().filter({ hasText: first }).count()).resolves.toBe(1);
    // A system event is not a user event.
    await expect(page.getByText(system).count()).resolves.toBe(0);
    expect(await sameDocument()).toBe(true);
    expect(problems).toEqual([]);
  });
});
