import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';

import type { TrafficHitInput, TrafficInsight } from '@opsledger/domain';

import { createTestApi } from '../testing';

type Hit = Omit<z.input<typeof TrafficHitInput>, 'appDid'>;

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

// Recent days: raw hits are pruned after 35 days, and a retention run of a test running
// alongside on the same database may prune any older hit this file counts.
const dayAgo = (days: number) =>
  new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const DAY1 = dayAgo(3);
const DAY2 = dayAgo(2);
const at = (day: string, time: string) => `${day}T${time}:00.000Z`;

/** The combined log line the API estimates for a hit that reports no logBytes. */
const styleLine = `- - - [${at(DAY2, '09:00')}] "GET /style.css HTTP/1.1" 200 300 "-" "-"\n`;

/**
 * Ten hits over two UTC days in two batches. The second batch repeats visitors, files,
 * a referrer and a not-found path of the first, which must not be counted twice.
 */
function hits(appDid: string) {
  const batch1: Hit[] = [
    {
      occurredAt: at(DAY1, '10:00'),
      path: '/index.html',
      status: 200,
      bytes: 1000,
      durationMs: 10,
      visitorId: 'v1',
      referrer: 'https://x.example/',
      logBytes: 100,
    },
    {
      occurredAt: at(DAY1, '11:00'),
      path: '/app.js',
      status: 200,
      bytes: 500,
      durationMs: 5,
      visitorId: 'v1',
      logBytes: 80,
    },
    {
      occurredAt: at(DAY1, '12:00'),
      path: '/missing',
      status: 404,
      bytes: 50,
      durationMs: 1,
      ip: '10.0.0.1',
      userAgent: 'Firefox',
      referrer: 'https://x.example/',
      logBytes: 60,
    },
    {
      occurredAt: at(DAY1, '13:00'),
      path: '/index.html',
      status: 500,
      bytes: 0,
      durationMs: 100,
      visitorId: 'v2',
      logBytes: 70,
    },
    {
      occurredAt: at(DAY1, '14:00'),
      path: '/health',
      status: 200,
      bytes: 10,
      durationMs: 1,
      visitorId: 'bot',
      excluded: true,
      logBytes: 40,
    },
    {
      occurredAt: at(DAY2, '00:30'),
      path: '/index.html',
      status: 200,
      bytes: 1000,
      durationMs: 20,
      visitorId: 'v1',
      logBytes: 100,
    },
  ];
  const batch2: Hit[] = [
    {
      occurredAt: at(DAY1, '15:00'),
      path: '/index.html',
      status: 200,
      bytes: 1000,
      durationMs: 10,
      visitorId: 'v1',
      logBytes: 100,
    },
    {
      occurredAt: at(DAY1, '16:00'),
      path: '/missing',
      status: 404,
      bytes: 50,
      durationMs: 2,
      ip: '10.0.0.1',
      userAgent: 'Firefox',
      referrer: 'https://y.example/',
      logBytes: 60,
    },
    {
      occurredAt: at(DAY1, '17:00'),
      path: '/style.css',
      status: 200,
      bytes: 300,
      durationMs: 3,
      visitorId: 'v3',
      logBytes: 90,
    },
    {
      occurredAt: at(DAY2, '09:00'),
      path: '/style.css',
      status: 200,
      bytes: 300,
      durationMs: 3,
      visitorId: 'v3',
    },
  ];
  const batchOf = (batch: Hit[]) => ({ items: batch.map((hit) => ({ appDid, ...hit })) });
  return [batchOf(batch1), batchOf(batch2)] as const;
}

function expectedDays(did: string): TrafficInsight[] {
  return [
    {
      did,
      date: DAY1,
      totalRequests: 7,
      validRequests: 4,
      failedRequests: 3,
      generationTime: 10 + 5 + 1 + 100 + 10 + 2 + 3,
      uniqueVisitors: 4, // v1, v2, v3 and 10.0.0.1 with Firefox
      uniqueFiles: 4, // /index.html /app.js /missing /style.css
      excludedHits: 1,
      uniqueReferrers: 2,
      uniqueNotFound: 1,
      uniqueStaticFiles: 2, // /app.js /style.css
      logSize: 100 + 80 + 60 + 70 + 100 + 60 + 90,
      bandwidth: 1000 + 500 + 50 + 0 + 1000 + 50 + 300,
    },
    {
      did,
      date: DAY2,
      totalRequests: 2,
      validRequests: 2,
      failedRequests: 0,
      generationTime: 23,
      uniqueVisitors: 2,
      uniqueFiles: 2,
      excludedHits: 0,
      uniqueReferrers: 0,
      uniqueNotFound: 0,
      uniqueStaticFiles: 1,
      logSize: 100 + Buffer.byteLength(styleLine),
      bandwidth: 1300,
    },
  ];
}

async function rawHitCount(teamId: string) {
  const [row] = await api.database.query<{ n: number }>(
    `select count(*)::int as n from traffic_hits where team_id = $1`,
    [teamId],
  );
  return Number(row?.n);
}

describe('traffic ingest', () => {
  it('keeps the raw hits and adds each batch to the daily figures exactly', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const [batch1, batch2] = hits(team.appDid);
    expect(await team.owner.traffic.ingest(batch1)).toEqual({ inserted: 6, duplicates: 0 });
    expect(await team.owner.traffic.ingest(batch2)).toEqual({ inserted: 4, duplicates: 0 });
    expect(await rawHitCount(team.id)).toBe(10);

    const insights = await team.owner.traffic.insights({ appDid: team.appDid });
    expect(insights).toEqual({
      list: expectedDays(team.appDid),
      paging: { total: 2, pageSize: 20, pageCount: 1, page: 1 },
    });
  });

  it('counts a retried batch of keyed hits once, and a partly new one for its new hits', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const [batch1, batch2] = hits(team.appDid);
    const keyed = (batch: typeof batch1, from: number) => ({
      items: batch.items.map((item, i) => ({ ...item, idempotencyKey: `log:1:2:${from + i}` })),
    });
    expect(await team.owner.traffic.ingest(keyed(batch1, 0))).toEqual({
      inserted: 6,
      duplicates: 0,
    });
    // The retry (a lost answer, a re-read log) adds nothing, to the raw hits or the figures.
    expect(await team.owner.traffic.ingest(keyed(batch1, 0))).toEqual({
      inserted: 0,
      duplicates: 6,
    });
    // A batch that overlaps the first by two hits and brings batch2: only batch2 counts.
    const overlap = {
      items: [...keyed(batch1, 0).items.slice(4), ...keyed(batch2, 100).items],
    };
    expect(await team.owner.traffic.ingest(overlap)).toEqual({ inserted: 4, duplicates: 2 });
    expect(await rawHitCount(team.id)).toBe(10);
    expect((await team.owner.traffic.insights({ appDid: team.appDid })).list).toEqual(
      expectedDays(team.appDid),
    );
  });

  it('stores a key repeated within a batch, or sent by two batches at once, once', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const hit = { appDid: team.appDid, occurredAt: at(DAY1, '08:00'), path: '/', status: 200 };
    const batch = { items: [hit, hit].map((h) => ({ ...h, idempotencyKey: 'same' })) };
    const results = await Promise.all([
      team.owner.traffic.ingest(batch),
      team.owner.traffic.ingest(batch),
    ]);
    expect(results.map((r) => r.inserted).sort()).toEqual([0, 1]);
    expect(await rawHitCount(team.id)).toBe(1);
    const [day] = (await team.owner.traffic.insights({})).list;
    expect(day).toMatchObject({ totalRequests: 1, uniqueVisitors: 1 });
  });

  it('scopes a key to its app: the same key on two apps is two hits', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const otherDid = (await team.addApp({ name: 'Blog' })).did;
    const hit = { occurredAt: at(DAY1, '08:00'), path: '/', status: 200, idempotencyKey: 'k' };
    const result = await team.owner.traffic.ingest({
      items: [
        { appDid: team.appDid, ...hit },
        { appDid: otherDid, ...hit },
      ],
    });
    expect(result).toEqual({ inserted: 2, duplicates: 0 });
  });

  it('counts uniques once when batches of the same day arrive at the same time', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const hit = (path: string) => ({
      appDid: team.appDid,
      occurredAt: at(DAY1, '08:00'),
      path,
      status: 200,
      visitorId: 'same-visitor',
    });
    await Promise.all([
      team.owner.traffic.ingest({ items: [hit('/a'), hit('/shared')] }),
      team.owner.traffic.ingest({ items: [hit('/b'), hit('/shared')] }),
    ]);
    const [day] = (await team.owner.traffic.insights({})).list;
    expect(day).toMatchObject({ totalRequests: 4, uniqueVisitors: 1, uniqueFiles: 3 });
  });

  it('places a hit without a time on the current UTC day', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    await team.owner.traffic.ingest({
      items: [{ appDid: team.appDid, path: '/', status: 200, bytes: 5 }],
    });
    const today = new Date().toISOString().slice(0, 10);
    const { list } = await team.owner.traffic.insights({});
    // A test running across midnight may see yesterday's date: accept either side.
    expect(list).toHaveLength(1);
    expect([today, new Date(Date.now() - 60_000).toISOString().slice(0, 10)]).toContain(
      list[0]?.date,
    );
    expect(list[0]).toMatchObject({ totalRequests: 1, bandwidth: 5, uniqueVisitors: 1 });
  });
});

describe('access logs', () => {
  it("an admin sets, changes and removes an app's access log; the worker lists them", async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const admin = await team.as('admin');
    const set = await admin.traffic.setAccessLog({
      appDid: team.appDid,
      path: '/var/log/nginx/site.log',
    });
    expect(set).toMatchObject({ appDid: team.appDid, path: '/var/log/nginx/site.log' });
    await admin.traffic.setAccessLog({ appDid: team.appDid, path: '/var/log/nginx/other.log' });
    const service = await team.as('service');
    const { list } = await service.traffic.accessLogs();
    expect(list).toEqual([
      expect.objectContaining({ appDid: team.appDid, path: '/var/log/nginx/other.log' }),
    ]);
    // An instant as every answer gives it (ISO 8601), not the database's text.
    expect(list[0]?.updatedAt).toBe(new Date(list[0]?.updatedAt ?? '').toISOString());
    // Another team sees none of them.
    expect((await (await api.newTeam()).owner.traffic.accessLogs()).list).toEqual([]);
    expect(await admin.traffic.setAccessLog({ appDid: team.appDid, path: null })).toBeNull();
    expect((await service.traffic.accessLogs()).list).toEqual([]);
  });

  it('refuses a relative path, an unknown app and a member key', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    await expect(
      team.owner.traffic.setAccessLog({ appDid: team.appDid, path: 'logs/access.log' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('path') });
    const other = await api.newTeamWithApp({ name: 'Other' });
    await expect(
      team.owner.traffic.setAccessLog({ appDid: other.appDid, path: '/var/log/a.log' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('appDid') });
    await expect(
      (await team.as('member')).traffic.setAccessLog({ appDid: team.appDid, path: '/a.log' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('traffic insights', () => {
  it('filters by app and date range, oldest day first, paged', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const otherDid = (await team.addApp({ name: 'Blog' })).did;
    for (const batch of hits(team.appDid)) await team.owner.traffic.ingest(batch);
    await team.owner.traffic.ingest({
      items: [{ appDid: otherDid, occurredAt: at(DAY2, '10:00'), path: '/', status: 200 }],
    });
    const [day1, day2] = expectedDays(team.appDid);

    const all = await team.owner.traffic.insights({});
    expect(all.list.map((d) => [d.date, d.did])).toEqual(
      [
        [DAY1, team.appDid],
        [DAY2, team.appDid],
        [DAY2, otherDid],
      ].sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    );
    expect(
      await team.owner.traffic.insights({ appDid: team.appDid, startDate: DAY2, endDate: DAY2 }),
    ).toEqual({ list: [day2], paging: { total: 1, pageSize: 20, pageCount: 1, page: 1 } });
    expect((await team.owner.traffic.insights({ endDate: DAY1 })).list).toEqual([day1]);

    const page2 = await team.owner.traffic.insights({ appDid: team.appDid, pageSize: 1, page: 2 });
    expect(page2).toEqual({
      list: [day2],
      paging: { total: 2, pageSize: 1, pageCount: 2, page: 2 },
    });
  });

  it('names the field of bad input', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const hit = { appDid: team.appDid, path: '/', status: 200 };
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => team.owner.traffic.ingest({ items: [] }), /^items:/],
      [() => team.owner.traffic.ingest({ items: [{ ...hit, status: 700 }] }), /^items\.0\.status:/],
      [() => team.owner.traffic.ingest({ items: [hit, { ...hit, path: '' }] }), /^items\.1\.path:/],
      [() => team.owner.traffic.ingest({ items: [{ ...hit, ip: '999.1.1.1' }] }), /^items\.0\.ip:/],
      [
        () => team.owner.traffic.ingest({ items: [{ ...hit, occurredAt: 'yesterday' }] }),
        /^items\.0\.occurredAt:/,
      ],
      [() => team.owner.traffic.ingest({ items: Array(1001).fill(hit) }), /^items:/],
      [
        () => team.owner.traffic.insights({ startDate: '2026-05-02', endDate: '2026-05-01' }),
        /^endDate:/,
      ],
      [() => team.owner.traffic.insights({ startDate: '05/01/2026' }), /^startDate:/],
      [() => team.owner.traffic.insights({ pageSize: 101 }), /^pageSize:/],
    ];
    for (const [call, message] of cases) {
      await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    }
    await expect(
      team.owner.traffic.ingest({ items: [hit, { ...hit, appDid: 'zNowhere' }] }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^items\.1\.appDid:/),
    });
    // Nothing of a refused batch is written.
    expect(await rawHitCount(team.id)).toBe(0);
    await expect(team.owner.traffic.insights({ appDid: 'zNowhere' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^appDid:/),
    });
  });
});

describe('traffic isolation', () => {
  it('never shows one team’s traffic to another, nor lets it write to another’s app', async () => {
    const a = await api.newTeamWithApp({ name: 'Website' });
    const b = await api.newTeamWithApp({ name: 'Website' });
    await a.owner.traffic.ingest({
      items: [{ appDid: a.appDid, occurredAt: at(DAY1, '10:00'), path: '/', status: 200 }],
    });
    await expect(
      b.owner.traffic.ingest({
        items: [{ appDid: a.appDid, occurredAt: at(DAY1, '11:00'), path: '/', status: 200 }],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.owner.traffic.insights({ appDid: a.appDid })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await b.owner.traffic.insights({})).list).toEqual([]);
    expect((await a.owner.traffic.insights({})).list).toEqual([
      expect.objectContaining({ date: DAY1, totalRequests: 1 }),
    ]);
    const viewer = await a.as('viewer');
    await expect(
      viewer.traffic.ingest({ items: [{ appDid: a.appDid, path: '/', status: 200 }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
