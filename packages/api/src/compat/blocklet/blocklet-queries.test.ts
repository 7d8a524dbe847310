import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi, type TestTeamWithApp } from '../../testing';
import { blockletClient } from './blocklet-client.testing';

/**
 * Every Blocklet query with every input field, through the published client over HTTP, reading
 * what was written through the native API.
 */
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

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

async function teamWithTwoApps() {
  const team = await api.newTeamWithApp({ name: 'Shop' });
  const otherDid = (await team.addApp({ name: 'Blog' })).did;
  const client = blockletClient(served.url, { token: team.ownerSecret });
  return { team, otherDid, client };
}

/** Moves a backup's times to fixed instants, as if it had run then. */
async function setTimes(id: string, times: { createdAt?: string; finishedAt?: string }) {
  await api.database.query(
    `update backups set created_at = coalesce($2::text::timestamptz, created_at),
                        finished_at = coalesce($3::text::timestamptz, finished_at)
      where id = $1`,
    [id, times.createdAt ?? null, times.finishedAt ?? null],
  );
}

async function backupOf(
  team: TestTeamWithApp,
  appDid: string,
  run: {
    status: 'succeeded' | 'failed' | 'canceled' | 'running';
    createdAt: string;
    finishedAt?: string;
  },
) {
  const created = await team.owner.backups.create({
    appDid,
    userDid: 'z1operator',
    strategy: 1,
    sourceUrl: '/data/app',
    target: 'disk',
    targetName: 'Local Disk',
    targetUrl: '/backups/target',
    message: `backup ${run.status}`,
    metadata: { files: 12 },
  });
  await team.owner.backups.update({ id: created.id, status: 'running', progress: 40 });
  if (run.status !== 'running')
    await team.owner.backups.update({ id: created.id, status: run.status });
  await setTimes(created.id, run);
  return team.owner.backups.get({ id: created.id });
}

describe('getBlockletBackups', () => {
  it('answers every field of every backup of the app, newest first, with Blocklet numbers', async () => {
    const { team, otherDid, client } = await teamWithTwoApps();
    const ok = await backupOf(team, team.appDid, {
      status: 'succeeded',
      createdAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:05:00.000Z',
    });
    const failed = await backupOf(team, team.appDid, {
      status: 'failed',
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    const running = await backupOf(team, team.appDid, {
      status: 'running',
      createdAt: '2026-03-03T10:00:00.000Z',
    });
    const canceled = await backupOf(team, team.appDid, {
      status: 'canceled',
      createdAt: '2026-03-04T10:00:00.000Z',
    });
    await backupOf(team, otherDid, { status: 'succeeded', createdAt: '2026-03-02T11:00:00.000Z' });

    const answer = await client.getBlockletBackups({ input: { did: team.appDid } });
    expect(answer.code).toBe('ok');
    expect(answer.backups).toEqual([
      expect.objectContaining({ status: 3, message: 'backup canceled' }),
      expect.objectContaining({ status: 0, progress: 40, message: 'backup running' }),
      expect.objectContaining({ status: 2, message: 'backup failed' }),
      {
        appPid: team.appDid,
        userDid: 'z1operator',
        strategy: 1,
        sourceUrl: '/data/app',
        target: 'disk',
        targetName: 'Local Disk',
        targetUrl: '/backups/target',
        createdAt: seconds('2026-03-01T10:00:00.000Z'),
        updatedAt: seconds(ok.updatedAt),
        status: 1,
        message: 'backup succeeded',
        progress: 100,
        metadata: { files: 12 },
      },
    ]);
    expect([failed, running, canceled].map((b) => b.appDid)).toEqual(Array(3).fill(team.appDid));

    // `did:abt:` is the same app; no did is every app of the team.
    const prefixed = await client.getBlockletBackups({ input: { did: `did:abt:${team.appDid}` } });
    expect(prefixed.backups).toHaveLength(4);
    const all = await client.getBlockletBackups({ input: {} });
    expect(all.backups?.map((b) => b.appPid).sort()).toEqual(
      [otherDid, ...Array(4).fill(team.appDid)].sort(),
    );
  });

  it('keeps to [startTime, endTime], either end alone too', async () => {
    const { team, client } = await teamWithTwoApps();
    for (const day of ['01', '02', '03']) {
      await backupOf(team, team.appDid, {
        status: 'succeeded',
        createdAt: `2026-03-${day}T10:00:00.000Z`,
      });
    }
    const created = async (input: object) =>
      (await client.getBlockletBackups({ input: { did: team.appDid, ...input } })).backups?.map(
        (b) => new Date((b.createdAt ?? 0) * 1000).toISOString().slice(0, 10),
      );
    expect(
      await created({ startTime: '2026-03-02T00:00:00Z', endTime: '2026-03-02T23:59:59+00:00' }),
    ).toEqual(['2026-03-02']);
    expect(await created({ startTime: '2026-03-02T00:00:00.000Z' })).toEqual([
      '2026-03-03',
      '2026-03-02',
    ]);
    expect(await created({ endTime: '2026-03-02T12:00:00+02:00' })).toEqual([
      '2026-03-02',
      '2026-03-01',
    ]);
    // Blocklet's unset fields arrive empty: they filter nothing.
    expect(await created({ startTime: '', endTime: '' })).toHaveLength(3);
  });

  it('answers blocklet_not_found and no backups for a DID that is no app of the team', async () => {
    const { client } = await teamWithTwoApps();
    const answer = await client.getBlockletBackups({ input: { did: 'zNoSuchApp' } });
    expect(answer).toMatchObject({ code: 'blocklet_not_found', backups: [] });
  });

  it('names the field of a malformed time and of an inverted window', async () => {
    const { team, client } = await teamWithTwoApps();
    await expect(
      client.getBlockletBackups({ input: { did: team.appDid, startTime: 'yesterday' } }),
    ).rejects.toThrow('GraphQLError: startTime: must be an ISO-8601 timestamp with a time zone');
    await expect(
      client.getBlockletBackups({
        input: { startTime: '2026-03-02T00:00:00Z', endTime: '2026-03-01T00:00:00Z' },
      }),
    ).rejects.toThrow('GraphQLError: endTime: must not be before startTime');
  });
});

type Client = ReturnType<typeof blockletClient>;
type Summary = Awaited<ReturnType<Client['getBlockletBackupSummary']>>;

/** The client sends its own zone as `x-timezone`; request options (untyped) can set another. */
function summaryIn(client: Client, timeZone: string, input: object): Promise<Summary> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(client) below
  const withOptions = client.getBlockletBackupSummary as unknown as (
    params: object,
    options: { headers: Record<string, string> },
  ) => Promise<Summary>;
  return withOptions.call(client, { input }, { headers: { 'x-timezone': timeZone } });
}

describe('getBlockletBackupSummary', () => {
  it("counts finished backups per day of the window, cut in the client's time zone", async () => {
    const { team, otherDid, client } = await teamWithTwoApps();
    const finished = async (
      status: 'succeeded' | 'failed' | 'canceled',
      at: string,
      appDid = team.appDid,
    ) => backupOf(team, appDid, { status, createdAt: at, finishedAt: at });
    await finished('succeeded', '2026-03-01T10:00:00.000Z');
    await finished('succeeded', '2026-03-01T20:00:00.000Z'); // 2 March in Tokyo
    await finished('failed', '2026-03-01T11:00:00.000Z');
    await finished('canceled', '2026-03-01T12:00:00.000Z'); // neither success nor error
    await finished('succeeded', '2026-03-03T10:00:00.000Z');
    await finished('failed', '2026-03-01T10:00:00.000Z', otherDid);
    const window = { startTime: '2026-02-28T00:00:00Z', endTime: '2026-03-02T23:59:59Z' };

    const inUtc = await summaryIn(client, 'UTC', { did: team.appDid, ...window });
    expect(inUtc).toMatchObject({
      code: 'ok',
      summary: [{ date: '2026-03-01', successCount: 2, errorCount: 1 }],
    });
    const inTokyo = await summaryIn(client, 'Asia/Tokyo', { did: team.appDid, ...window });
    expect(inTokyo.summary).toEqual([
      { date: '2026-03-01', successCount: 1, errorCount: 1 },
      { date: '2026-03-02', successCount: 1, errorCount: 0 },
    ]);
    const everyApp = await summaryIn(client, 'Not/AZone', window); // unknown zones count in UTC
    expect(everyApp.summary).toEqual([{ date: '2026-03-01', successCount: 2, errorCount: 2 }]);
    const fromOnly = await client.getBlockletBackupSummary({
      input: { did: team.appDid, startTime: '2026-03-02T00:00:00Z' },
    });
    expect(fromOnly.summary?.map((day) => day.date)).toEqual(['2026-03-03']);
  });

  it('answers blocklet_not_found and an empty summary for a DID that is no app of the team', async () => {
    const { client } = await teamWithTwoApps();
    const answer = await client.getBlockletBackupSummary({ input: { did: 'zNoSuchApp' } });
    expect(answer).toMatchObject({ code: 'blocklet_not_found', summary: [] });
  });
});

describe('getAuditLogs', () => {
  async function withAuditLogs() {
    const { team, client } = await teamWithTwoApps();
    const at = (minute: number) =>
      new Date(Date.parse('2026-03-10T08:00:00Z') + minute * 60_000).toISOString();
    await team.owner.auditLogs.recordBatch({
      items: [
        {
          scope: 'node',
          category: 'user',
          action: 'login',
          content: 'User z1alice logged in',
          actor: {
            did: 'z1alice',
            role: 'owner',
            fullName: 'Alice',
            avatar: 'https://a/x.png',
            source: 'wallet',
          },
          env: {
            browser: { name: 'Firefox', version: '140' },
            os: { name: 'Linux', version: '6.9' },
          },
          ip: '10.0.0.7',
          ua: 'Mozilla/5.0',
          componentDid: 'zComponent1',
          occurredAt: at(0),
        },
        {
          scope: 'node',
          category: 'blocklet',
          action: 'installBlocklet',
          content: 'installed Shop',
          actor: { did: 'z1bob' },
          occurredAt: at(1),
        },
        {
          scope: team.appDid,
          category: 'user',
          action: 'updateProfile',
          content: 'changed LOGIN name',
          actor: { did: 'z1bob' },
          occurredAt: at(2),
        },
        {
          scope: team.appDid,
          category: 'security',
          action: 'rotateKey',
          content: 'rotated a key',
          actor: { did: 'z1carol' },
          occurredAt: at(3),
        },
        {
          scope: 'node',
          category: 'user',
          action: 'logout',
          content: '100% done_',
          actor: { did: 'z1alice' },
          occurredAt: at(4),
        },
      ],
    });
    return { team, client, at };
  }

  it('answers every field, newest first, with paging', async () => {
    const { client, at } = await withAuditLogs();
    const answer = await client.getAuditLogs({ input: { paging: { page: 3, pageSize: 2 } } });
    expect(answer.code).toBe('ok');
    expect(answer.paging).toEqual({ total: 5, pageSize: 2, pageCount: 3, page: 3 });
    expect(answer.list).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        scope: 'node',
        category: 'user',
        action: 'login',
        content: 'User z1alice logged in',
        actor: {
          did: 'z1alice',
          role: 'owner',
          fullName: 'Alice',
          avatar: 'https://a/x.png',
          source: 'wallet',
        },
        env: {
          browser: { name: 'Firefox', version: '140' },
          os: { name: 'Linux', version: '6.9' },
        },
        createdAt: seconds(at(0)),
        ip: '10.0.0.7',
        ua: 'Mozilla/5.0',
        componentDid: 'zComponent1',
      },
    ]);
    const first = await client.getAuditLogs({ input: { paging: { page: 1, pageSize: 2 } } });
    expect(first.list?.map((log) => log.action)).toEqual(['logout', 'rotateKey']);
    // Unset paging (zeros, or a paging echoed back with its total) is the first page of 20.
    const unset = await client.getAuditLogs({
      input: { paging: { page: 0, pageSize: 0, total: 5, pageCount: 3 } },
    });
    expect(unset.paging).toEqual({ total: 5, pageSize: 20, pageCount: 1, page: 1 });
    expect(unset.list).toHaveLength(5);
  });

  it('filters by scope, by category and by text in the action or the content', async () => {
    const { team, client } = await withAuditLogs();
    const actions = async (input: object) =>
      (await client.getAuditLogs({ input })).list?.map((log) => log.action);
    expect(await actions({ scope: team.appDid })).toEqual(['rotateKey', 'updateProfile']);
    expect(await actions({ category: 'user' })).toEqual(['logout', 'updateProfile', 'login']);
    expect(await actions({ scope: 'node', category: 'user' })).toEqual(['logout', 'login']);
    // Case-insensitive, in the action or the content; % and _ are literal characters.
    expect(await actions({ actionOrContent: 'login' })).toEqual(['updateProfile', 'login']);
    expect(await actions({ actionOrContent: '% done_' })).toEqual(['logout']);
    expect(await actions({ actionOrContent: '%' })).toEqual(['logout']);
    expect(await actions({ scope: '', category: '', actionOrContent: '' })).toHaveLength(5);
  });

  it('names the paging field out of range', async () => {
    const { client } = await withAuditLogs();
    await expect(client.getAuditLogs({ input: { paging: { pageSize: 1000 } } })).rejects.toThrow(
      /^GraphQLError: paging\.pageSize: /,
    );
  });
});

describe('getPassportLogs', () => {
  async function withPassportLogs() {
    const { team, client } = await teamWithTwoApps();
    const at = (minute: number) =>
      new Date(Date.parse('2026-03-10T08:00:00Z') + minute * 60_000).toISOString();
    await team.owner.passportLogs.recordBatch({
      items: [
        {
          passportId: 'zpassport_a',
          action: 'issued',
          operatorDid: 'z1alice',
          operatorIp: '10.0.0.7',
          operatorUa: 'Mozilla/5.0',
          metadata: { role: 'admin' },
          occurredAt: at(0),
        },
        { passportId: 'zpassport_b', action: 'issued', occurredAt: at(1) },
        { passportId: 'zpassport_a', action: 'used', occurredAt: at(2) },
        { passportId: 'zpassport_a', action: 'revoked', occurredAt: at(3) },
      ],
    });
    return { team, client, at };
  }

  it("answers every field of a passport's log, newest first, with paging", async () => {
    const { team, client, at } = await withPassportLogs();
    const native = await team.owner.passportLogs.list({ passportId: 'zpassport_a' });
    const answer = await client.getPassportLogs({
      input: {
        teamDid: team.appDid,
        query: { passportId: 'zpassport_a' },
        paging: { page: 2, pageSize: 2 },
      },
    });
    expect(answer.paging).toEqual({ total: 3, pageSize: 2, pageCount: 2, page: 2 });
    expect(answer.passportLogs).toEqual([
      {
        id: native.passportLogs[2]?.id,
        passportId: 'zpassport_a',
        action: 'issued',
        operatorIp: '10.0.0.7',
        operatorUa: 'Mozilla/5.0',
        operatorDid: 'z1alice',
        metadata: { role: 'admin' },
        createdAt: seconds(at(0)),
      },
    ]);
    expect(typeof answer.passportLogs?.[0]?.id).toBe('number');
    const firstPage = await client.getPassportLogs({
      input: { query: { passportId: 'zpassport_a' }, paging: { pageSize: 2 } },
    });
    expect(firstPage.passportLogs?.map((log) => log.action)).toEqual(['revoked', 'used']);
    const everyPassport = await client.getPassportLogs({ input: {} });
    expect(everyPassport.paging?.total).toBe(4);
    expect(everyPassport.passportLogs?.map((log) => log.passportId)).toContain('zpassport_b');
  });

  it('refuses a teamDid that is no app of the team, naming it', async () => {
    const { client } = await withPassportLogs();
    await expect(client.getPassportLogs({ input: { teamDid: 'zNoSuchApp' } })).rejects.toThrow(
      'GraphQLError: teamDid: app zNoSuchApp not found',
    );
  });
});

describe('getTrafficInsights', () => {
  async function withTraffic() {
    const { team, otherDid, client } = await teamWithTwoApps();
    const hit = (appDid: string, day: string, path: string, extra: object = {}) => ({
      appDid,
      occurredAt: `${day}T10:00:00.000Z`,
      path,
      status: 200,
      bytes: 1000,
      durationMs: 7,
      visitorId: 'v1',
      logBytes: 100,
      ...extra,
    });
    await team.owner.traffic.ingest({
      items: [
        hit(team.appDid, '2026-05-01', '/index.html', { referrer: 'https://x.example/' }),
        hit(team.appDid, '2026-05-01', '/missing', { status: 404, visitorId: 'v2' }),
        hit(team.appDid, '2026-05-01', '/style.css'),
        hit(team.appDid, '2026-05-01', '/health', { excluded: true }),
        hit(team.appDid, '2026-05-02', '/index.html'),
        hit(team.appDid, '2026-05-03', '/index.html'),
        hit(otherDid, '2026-05-02', '/index.html'),
      ],
    });
    return { team, otherDid, client };
  }

  it('answers every figure of each day of the app, oldest first, with paging', async () => {
    const { team, client } = await withTraffic();
    const native = await team.owner.traffic.insights({ appDid: team.appDid, pageSize: 1 });
    const answer = await client.getTrafficInsights({
      input: { did: team.appDid, paging: { page: 1, pageSize: 1 } },
    });
    expect(answer.code).toBe('ok');
    expect(answer.paging).toEqual({ total: 3, pageSize: 1, pageCount: 3, page: 1 });
    expect(answer.list).toEqual(native.list);
    expect(answer.list?.[0]).toMatchObject({
      did: team.appDid,
      date: '2026-05-01',
      totalRequests: 3,
      failedRequests: 1,
      validRequests: 2,
      uniqueVisitors: 2,
      excludedHits: 1,
      uniqueNotFound: 1,
      uniqueStaticFiles: 1,
      uniqueReferrers: 1,
    });
    expect(Object.keys(answer.list?.[0] ?? {}).sort()).toEqual(
      [
        'did',
        'date',
        'totalRequests',
        'validRequests',
        'failedRequests',
        'generationTime',
        'uniqueVisitors',
        'uniqueFiles',
        'excludedHits',
        'uniqueReferrers',
        'uniqueNotFound',
        'uniqueStaticFiles',
        'logSize',
        'bandwidth',
      ].sort(),
    );
  });

  it('keeps to [startDate, endDate] and to the app; no did is every app', async () => {
    const { team, otherDid, client } = await withTraffic();
    const days = async (input: object) =>
      (await client.getTrafficInsights({ input })).list?.map(
        (day) => `${day.did === team.appDid ? 'shop' : 'blog'} ${day.date}`,
      );
    expect(
      await days({ did: team.appDid, startDate: '2026-05-02', endDate: '2026-05-02' }),
    ).toEqual(['shop 2026-05-02']);
    expect(await days({ did: team.appDid, startDate: '2026-05-02' })).toEqual([
      'shop 2026-05-02',
      'shop 2026-05-03',
    ]);
    expect(await days({ did: team.appDid, endDate: '2026-05-01' })).toEqual(['shop 2026-05-01']);
    expect(await days({ startDate: '2026-05-02', endDate: '2026-05-02' })).toEqual(
      [otherDid, team.appDid]
        .sort()
        .map((did) => `${did === team.appDid ? 'shop' : 'blog'} 2026-05-02`),
    );
  });

  it('answers blocklet_not_found for a DID that is no app of the team; names bad dates', async () => {
    const { client } = await withTraffic();
    const missing = await client.getTrafficInsights({
      input: { did: 'zNoSuchApp', paging: { pageSize: 5 } },
    });
    expect(missing).toEqual({
      code: 'blocklet_not_found',
      list: [],
      paging: { total: 0, pageSize: 5, pageCount: 0, page: 1 },
    });
    await expect(client.getTrafficInsights({ input: { startDate: '05/01/2026' } })).rejects.toThrow(
      'GraphQLError: startDate: must be a date as YYYY-MM-DD',
    );
    await expect(
      client.getTrafficInsights({ input: { startDate: '2026-05-02', endDate: '2026-05-01' } }),
    ).rejects.toThrow('GraphQLError: endDate: must not be before startDate');
  });
});
