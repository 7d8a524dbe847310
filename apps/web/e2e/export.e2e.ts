import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newPage, openBrowser, ownerClient, portal, signIn, unique, watchPage } from './portal';

/**
 * The export menu downloads the filtered view, every page of it (not only the rows loaded),
 * as CSV or NDJSON: the same records, in the same order, as the list shows with its filters.
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

const rowsOf = (name: string) => page.getByRole('table', { name }).locator('tbody tr');

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field || record.length > 0) records.push([...record, field]);
  return records;
}

/** Opens the export menu and downloads one of its formats. */
async function download(label: RegExp): Promise<{ file: Download; text: string }> {
  const menu = page.locator('details', { has: page.locator('summary', { hasText: 'Export' }) });
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: label }).click(),
  ]);
  const path = await file.path();
  return { file, text: await readFile(path, 'utf8') };
}

const KEPT = 30;

describe('exporting the audit logs', () => {
  it('downloads the filtered list, all its pages, as CSV and as NDJSON', async () => {
    const category = unique('e2e-export');
    const actor = { did: 'z1e2eExport', fullName: 'Export, "Quoted"' };
    // 30 to keep (more than a page of 25), 3 the text filter leaves out, and one of
    // another category; contents with commas, quotes and a line break.
    const items = [
      ...Array.from({ length: KEPT }, (_, i) => ({
        scope: 'e2e',
        category,
        action: 'kept',
        content: i % 3 === 0 ? `row ${i}, with "quotes"\nand a second line` : `row ${i}`,
        actor,
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        scope: 'e2e',
        category,
        action: 'dropped',
        content: `left out ${i}`,
        actor,
      })),
      { scope: 'e2e', category: `${category}-other`, action: 'kept', content: 'other', actor },
    ];
    await ownerClient().auditLogs.recordBatch.mutate({ items });

    // The filters, set as a person sets them: with the controls.
    await page.goto(`/t/${portal().team}/audit-logs`);
    await page.getByLabel('Category').fill(category);
    await page.waitForURL(new RegExp(`category=${category}`));
    await page.getByLabel('Action or content').fill('kept');
    await page.waitForURL(/q=kept/);
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    await expect(rowsOf('Audit logs').count()).resolves.toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rowsOf('Audit logs').count()).toBe(KEPT);
    // The last page: nothing more to load.
    await page.getByRole('button', { name: /Load more|Loading…/ }).waitFor({ state: 'detached' });
    const listedContents = (
      await rowsOf('Audit logs').locator('td:nth-child(3)').allTextContents()
    ).map((text) => text.replace(/^Content/, ''));
    const listedActions = await rowsOf('Audit logs')
      .locator('td:nth-child(2) code')
      .allTextContents();
    expect(new Set(listedActions)).toEqual(new Set(['kept']));

    // CSV: the header names the record's fields; one line per listed row, in the list's order.
    const csv = await download(/^CSV/);
    expect(csv.file.suggestedFilename()).toMatch(/^opsledger-audit-\d{8}T\d{6}Z\.csv$/);
    const [header, ...records] = parseCsv(csv.text);
    expect(header).toEqual([
      'id',
      'seq',
      'hash',
      'scope',
      'category',
      'action',
      'content',
      'actor',
      'env',
      'ip',
      'ua',
      'componentDid',
      'createdAt',
    ]);
    expect(records).toHaveLength(KEPT);
    const column = (name: string) =>
      records.map((record) => record[(header ?? []).indexOf(name)] ?? '');
    expect(new Set(column('category'))).toEqual(new Set([category]));
    expect(new Set(column('action'))).toEqual(new Set(['kept']));
    expect(column('content')).toEqual(listedContents);
    expect(JSON.parse(column('actor')[0] ?? 'null')).toMatchObject(actor);
    const seqs = column('seq').map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    // NDJSON: the same records, one JSON object a line.
    const ndjson = await download(/^NDJSON/);
    expect(ndjson.file.suggestedFilename()).toMatch(/^opsledger-audit-\d{8}T\d{6}Z\.ndjson$/);
    const lines = ndjson.text.trimEnd().split('\n');
    expect(lines).toHaveLength(KEPT);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((record) => record.id)).toEqual(column('id'));
    expect(parsed.map((record) => record.content)).toEqual(listedContents);
    expect(parsed.every((record) => record.category === category)).toBe(true);
    expect(problems).toEqual([]);
  });
});
