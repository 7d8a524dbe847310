import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { exportColumns } from '@opsledger/domain';

import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../../testing';
import { handleRequest } from '../handle-request';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
});
afterAll(async () => {
  await served.close();
  await api.close();
});

const BASE = Date.parse('2026-03-10T08:00:00.000Z');
const minute = (n: number) => new Date(BASE + n * 60_000).toISOString();

const entry = (n: number, overrides: { category?: string; content?: string } = {}) => ({
  scope: 'node',
  category: 'user',
  action: `action-${n}`,
  content: `content ${n}`,
  actor: { did: 'z1alice' },
  occurredAt: minute(n),
  ...overrides,
});

/** `count` audit logs, oldest first, in batches. */
async function recordMany(team: TestTeam, count: number, from = 0) {
  for (let start = from; start < from + count; start += 500) {
    const end = Math.min(start + 500, from + count);
    const items = Array.from({ length: end - start }, (_, i) => entry(start + i));
    await team.owner.auditLogs.recordBatch({ items });
  }
}

async function exportOf(team: TestTeam, query: string) {
  const key = await team.keySecret('viewer');
  return fetch(`${served.url}/api/export/audit?${query}`, {
    headers: { authorization: `Bearer ${key}` },
  });
}

const csvLines = (text: string) => text.trimEnd().split('\n');

describe('GET /api/export/<stream>', () => {
  it('downloads the filtered view as CSV, newest first, with a file name', async () => {
    const team = await api.newTeam();
    await recordMany(team, 250);
    await team.owner.auditLogs.recordBatch({
      items: [entry(300, { category: 'system' }), entry(301, { content: 'said "hi", then\nleft' })],
    });
    const response = await exportOf(team, 'format=csv&category=user');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="opsledger-audit-\d{8}T\d{6}Z\.csv"$/,
    );
    const text = await response.text();
    const [header, first] = csvLines(text);
    expect(header?.split(',')).toEqual(exportColumns('audit'));
    // The quoted cell keeps its quotes and its line break: one record over two lines.
    expect(first).toContain('"said ""hi"", then');
    expect(text).toContain('left"');
    expect(text).not.toContain('action-300');
    const actions = [...text.matchAll(/action-(\d+)/g)].map((match) => Number(match[1]));
    expect(actions).toEqual([301, ...Array.from({ length: 250 }, (_, i) => 249 - i)]);
  });

  it('downloads NDJSON whose rows are the list rows', async () => {
    const team = await api.newTeam();
    await recordMany(team, 120);
    const response = await exportOf(team, 'format=ndjson&actionOrContent=action-11');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/\.ndjson"$/);
    const rows = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; seq: number });
    const listed = await team.owner.auditLogs.scroll({ actionOrContent: 'action-11', limit: 100 });
    expect(rows).toEqual(listed.items);
    expect(rows.map((row) => row.action)).toEqual([
      'action-119',
      'action-118',
      'action-117',
      'action-116',
      'action-115',
      'action-114',
      'action-113',
      'action-112',
      'action-111',
      'action-110',
      'action-11',
    ]);
  });

  it('takes filters as the list names them, and ignores the portal team parameter', async () => {
    const team = await api.newTeam();
    await team.owner.auditLogs.recordBatch({
      items: [entry(1), { ...entry(2), actor: { did: 'z1bob' } }],
    });
    const text = await (
      await exportOf(team, `format=ndjson&actorDid=z1bob&team=${team.slug}`)
    ).text();
    expect(csvLines(text).map((line) => (JSON.parse(line) as { action: string }).action)).toEqual([
      'action-2',
    ]);
  });

  it("exports only the caller's team", async () => {
    const teamA = await api.newTeam();
    const teamB = await api.newTeam();
    await recordMany(teamA, 5);
    await teamB.owner.auditLogs.record(entry(7, { content: 'team b only' }));
    const text = await (await exportOf(teamB, 'format=ndjson')).text();
    expect(csvLines(text)).toHaveLength(1);
    expect(text).toContain('team b only');
  });

  it('refuses a bad filter, format, stream or key with a status naming what is wrong', async () => {
    const team = await api.newTeam();
    const cases: [string, number, string][] = [
      ['format=csv&from=yesterday', 400, 'from:'],
      ['format=xml', 400, 'format:'],
      ['colour=red', 400, 'colour: not a filter of the audit stream'],
      ['scope=', 400, 'scope:'],
    ];
    for (const [query, status, message] of cases) {
      const response = await exportOf(team, query);
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toContain(message);
    }
    const key = await team.keySecret('viewer');
    const unknown = await fetch(`${served.url}/api/export/nothing`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(unknown.status).toBe(404);
    const refused = (await unknown.json()) as { error: { message: string } };
    expect(refused.error.message).toContain('stream: no exportable stream named "nothing"');
    const anonymous = await fetch(`${served.url}/api/export/audit`);
    expect(anonymous.status).toBe(401);
  });

  it('reads page by page as the download is consumed, not the whole export first', async () => {
    const team = await api.newTeam();
    await recordMany(team, 1_000, 100_000);
    const key = await team.keySecret('viewer');
    const response = await handleRequest(
      new Request('http://opsledger.test/api/export/audit?format=csv', {
        headers: { authorization: `Bearer ${key}` },
      }),
      api.database,
    );
    if (!response.body) throw new Error('the answer has no body');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    const firstRows = csvLines(decoder.decode(first.value)).length - 1;
    // Rows arrive before the end: the first chunk is one page, not the export.
    expect(firstRows).toBeGreaterThan(0);
    expect(firstRows).toBeLessThan(1_000);

    // Older than every row so far: it belongs on the last page. An export that had read every
    // page before answering would not have it.
    await team.owner.auditLogs.record(entry(0, { content: 'written during the download' }));
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value, { stream: true });
    }
    const lines = csvLines(rest);
    expect(firstRows + lines.length).toBe(1_001);
    expect(lines.at(-1)).toContain('written during the download');
  });
});
