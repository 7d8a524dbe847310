import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { INSTANCE_ID, recordLifecycleEvent } from '../../bootstrap/platform-lifecycle';
import { flushRequestLog } from '../../http/request-log/request-log-queue';
import { createTestApi, serveApi, type ServedApi, type TestTeamWithApp } from '../../testing';
import type { HBlockEvent } from './hblock-event';
import { hblockClient } from './hblock-signer.testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let get: ReturnType<typeof hblockClient>;
beforeAll(async () => {
  api = await createTestApi();
  // As behind Next.js: the client's address is the nearest hop of x-forwarded-for.
  served = await serveApi(api.database, { forwardedFor: true });
  get = hblockClient(served.url);
});
afterAll(async () => {
  await served.close();
  await flushRequestLog(api.database);
  await api.close();
});

async function teamWithUser(role?: 'viewer' | 'admin') {
  const team = await api.newTeamWithApp({ name: 'Storage' });
  const user = await team.owner.hblockUsers.create({ name: `ops-${team.slug}`, role });
  return { team, user: { userName: user.userName, secret: user.secret } };
}

const trpc = (key: string, path: string, init: RequestInit = {}) =>
  fetch(`${served.url}/api/trpc/${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });

const eventsOf = (body: { data: { events: HBlockEvent[] } }) => body.data.events;

describe('HBlock user events: the request log', () => {
  let team: TestTeamWithApp;
  let user: { userName: string; secret: string };
  let events: HBlockEvent[];
  let firstListId: string;
  beforeAll(async () => {
    ({ team, user } = await teamWithUser());
    const key = await team.keySecret('service');
    const viewerKey = await team.keySecret('viewer');
    const recorded = await trpc(key, 'auditLogs.record', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' },
      body: JSON.stringify({
        scope: 'node',
        category: 'user',
        action: 'login',
        content: 'signed in',
        actor: { did: 'z1', password: 'hunter2', profile: { apiToken: 'tok-123' } },
      }),
    });
    expect(recorded.status).toBe(200);
    const query = encodeURIComponent(JSON.stringify({ clientSecret: 'query-secret' }));
    expect((await trpc(key, `teams.current?access_token=abc123&input=${query}`)).status).toBe(200);
    const refused = await trpc(viewerKey, 'apps.create', {
      method: 'POST',
      body: JSON.stringify({ did: 'zNope', name: 'x' }),
    });
    expect(refused.status).toBe(403);
    const first = await get('/rest/v1/system/event?number=5', user);
    expect(first.status).toBe(200);
    firstListId = first.headers.get('x-hblock-request-id') ?? '';
    events = eventsOf((await get('/rest/v1/system/event', user)).body);
  });

  it('lists every earlier authenticated request, newest first, HBlock request included', () => {
    expect(events.map((event) => event.name)).toEqual([
      'ListEvents',
      'apps.create',
      'teams.current',
      'auditLogs.record',
    ]);
    const times = events.map((event) => event.eventTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.every((time) => Math.abs(Date.now() - time) < 60_000)).toBe(true);
  });

  it('answers the seed fields, errorCode "-" for success and the request id the client got', () => {
    const [list] = events;
    expect(list).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      module: 'System',
      eventTime: expect.any(Number),
      name: 'ListEvents',
      requestId: firstListId,
      statusCode: 200,
      errorCode: '-',
      errorMessage: '-',
      detail: { method: 'GET', url: '/rest/v1/system/event?number=5' },
    });
    expect(Object.keys(list?.detail ?? {})).toEqual(['method', 'url']);
    expect(firstListId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('records the body and url with secrets redacted, and the nearest forwarded hop', () => {
    const record = events.find((event) => event.name === 'auditLogs.record');
    expect(record).toMatchObject({ module: 'API', statusCode: 200, requesterIP: '10.0.0.1' });
    expect(JSON.parse(record?.detail?.body ?? '')).toMatchObject({
      content: 'signed in',
      actor: { did: 'z1', password: '[redacted]', profile: { apiToken: '[redacted]' } },
    });
    const current = events.find((event) => event.name === 'teams.current');
    expect(current?.detail?.url).toContain('access_token=[redacted]');
    expect(decodeURIComponent(current?.detail?.url ?? '')).toContain(
      '{"clientSecret":"[redacted]"}',
    );
    expect(JSON.stringify(events)).not.toMatch(/hunter2|tok-123|abc123|query-secret/);
  });

  it('records a refused request with its status, error code and message', () => {
    const refused = events.find((event) => event.name === 'apps.create');
    expect(refused).toMatchObject({
      statusCode: 403,
      errorCode: 'FORBIDDEN',
      errorMessage: 'a viewer key may not manage',
      detail: { method: 'POST', url: '/api/trpc/apps.create', body: '{"did":"zNope","name":"x"}' },
    });
  });

  it('honours number: the newest N only', async () => {
    const one = await get('/rest/v1/system/event?number=1&type=user', user);
    expect(eventsOf(one.body)).toHaveLength(1);
    // The newest is the unqualified list the suite made last.
    expect(eventsOf(one.body)[0]?.detail?.url).toBe('/rest/v1/system/event');
    const three = await get('/rest/v1/system/event?number=3', user);
    expect(eventsOf(three.body).map((event) => event.name)).toEqual([
      'ListEvents',
      'ListEvents',
      'ListEvents',
    ]);
  });

  it('keeps only a summary of a body too large or not JSON', async () => {
    const key = await team.keySecret('service');
    const big = JSON.stringify({
      items: Array.from({ length: 1200 }, (_, i) => ({ n: i, pad: 'x'.repeat(60) })),
    });
    await trpc(key, 'auditLogs.recordBatch', { method: 'POST', body: big });
    await trpc(key, 'auditLogs.record', { method: 'POST', body: 'password=hunter2' });
    const [text, large] = eventsOf((await get('/rest/v1/system/event?number=2', user)).body);
    expect(JSON.parse(large?.detail?.body ?? '')).toEqual({
      omitted: `${Buffer.byteLength(big)} bytes`,
      reason: 'too large to record',
    });
    expect(JSON.parse(text?.detail?.body ?? '')).toEqual({
      omitted: '16 bytes',
      reason: 'not JSON',
    });
    expect(text?.statusCode).toBe(400);
  });
});

describe('HBlock system events', () => {
  it('shows backup and sync transitions and the platform start, without user-event fields', async () => {
    const { team, user } = await teamWithUser();
    const backup = await team.owner.backups.create({
      appDid: team.appDid,
      sourceUrl: 'file:///data/app',
      target: 'spaces',
    });
    await team.owner.backups.update({ id: backup.id, status: 'running' });
    const sync = await team.owner.syncs.create({ appDid: team.appDid, source: 'a', target: 'b' });
    await recordLifecycleEvent(api.database, 'ServiceStarted');

    const { status, body } = await get('/rest/v1/system/event?type=system', user);
    expect(status).toBe(200);
    const events = eventsOf(body);
    expect(events.map((event) => event.name)).toEqual([
      'ServiceStarted',
      'SyncCreated',
      'BackupRunning',
      'BackupCreated',
    ]);
    expect(events[0]).toEqual({
      eventId: expect.any(String),
      module: 'System',
      eventTime: expect.any(Number),
      name: 'ServiceStarted',
      instanceId: INSTANCE_ID,
    });
    expect(events[1]).toMatchObject({ module: 'Sync', instanceId: sync.id });
    expect(events[2]).toMatchObject({ module: 'Backup', instanceId: backup.id });
    expect(JSON.parse(events[2]?.detail?.body ?? '')).toMatchObject({ status: 'running' });
    for (const event of events) {
      expect(Object.keys(event)).not.toContain('requestId');
      expect(Object.keys(event)).not.toContain('errorCode');
    }
  });
});

describe('HBlock rejections', () => {
  let team: TestTeamWithApp;
  let user: { userName: string; secret: string };
  beforeAll(async () => {
    ({ team, user } = await teamWithUser());
  });

  const minutes = (n: number) => new Date(Date.now() + n * 60_000);

  it.each([
    [
      'a wrong signature',
      () => get('/rest/v1/system/event', { ...user, secret: 'wrong' }),
      401,
      'InvalidCredentials',
    ],
    [
      'a Date 16 minutes old',
      () => get('/rest/v1/system/event', user, { date: minutes(-16) }),
      403,
      'RequestTimeTooSkewed',
    ],
    [
      'a Date 16 minutes ahead',
      () => get('/rest/v1/system/event', user, { date: minutes(16) }),
      403,
      'RequestTimeTooSkewed',
    ],
    [
      'an unknown user',
      () => get('/rest/v1/system/event', { ...user, userName: 'nobody-here' }),
      401,
      'InvalidCredentials',
    ],
  ] as const)('refuses %s', async (_name, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ code, message: expect.any(String) });
    expect(response.body).not.toHaveProperty('data');
    expect(response.headers.get('x-hblock-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a signature over another target (the query is covered)', async () => {
    const date = new Date().toUTCString();
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', user.secret)
      .update(`GET\n${date}\n/rest/v1/system/event?number=1`)
      .digest('base64');
    const response = await fetch(`${served.url}/rest/v1/system/event?number=1000`, {
      headers: { date, authorization: `HBlock ${user.userName}:${signature}` },
    });
    expect(response.status).toBe(401);
  });

  it('refuses a request without credentials or without a Date', async () => {
    const bare = await fetch(`${served.url}/rest/v1/system/event`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ code: 'MissingAuthorization' });
    expect(bare.headers.get('x-hblock-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const undated = await fetch(`${served.url}/rest/v1/system/event`, {
      headers: { authorization: `HBlock ${user.userName}:c2ln` },
    });
    expect(undated.status).toBe(401);
    expect(await undated.json()).toMatchObject({ code: 'MissingDate' });
  });

  it('refuses a revoked user from then on', async () => {
    const { team: other, user: doomed } = await teamWithUser();
    expect((await get('/rest/v1/system/event', doomed)).status).toBe(200);
    await other.owner.hblockUsers.revoke({ name: doomed.userName });
    const response = await get('/rest/v1/system/event', doomed);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'InvalidCredentials' });
  });

  it("never shows another team's events to a user of another team", async () => {
    const key = await team.keySecret('service');
    await trpc(key, 'teams.current');
    const mine = eventsOf((await get('/rest/v1/system/event', user)).body);
    expect(mine.length).toBeGreaterThan(0);
    const { user: stranger } = await teamWithUser();
    await get('/rest/v1/system/event?type=system', stranger);
    const theirs = eventsOf((await get('/rest/v1/system/event', stranger)).body);
    expect(theirs.map((event) => event.detail?.url)).toEqual(['/rest/v1/system/event?type=system']);
    const mineIds = new Set(mine.map((event) => event.eventId));
    expect(theirs.some((event) => mineIds.has(event.eventId))).toBe(false);
  });

  it.each([
    ['number=0', 'number'],
    ['number=1001', 'number'],
    ['number=abc', 'number'],
    ['number=', 'number'],
    ['number=1.5', 'number'],
    ['number=1&number=2', 'number'],
    ['type=foo', 'type'],
    ['type=', 'type'],
  ])('answers ?%s with a 400 naming %s', async (query, parameter) => {
    const response = await get(`/rest/v1/system/event?${query}`, user);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'InvalidParameter',
      message: expect.stringMatching(new RegExp(`^${parameter}: `)),
    });
    expect(response.headers.get('x-hblock-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers other methods with 405, never a 5xx', async () => {
    const response = await fetch(`${served.url}/rest/v1/system/event`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ code: 'MethodNotAllowed' });
  });
});
