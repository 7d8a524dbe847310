import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi, type TestTeamWithApp } from '../../testing';
import { shapeMismatches } from '../../testing/example-shape';
import { hblockClient } from './hblock-signer.testing';
import { RESPONSE_1, RESPONSE_2 } from './seed-002-examples.testing';

/*
 * Seed 002's two requests as printed (`GET /rest/v1/system/event?number=2[&type=system]` with
 * `Date` and `Authorization: HBlock userName:signature`); only the base URL, the user, its
 * signature and the Date it covers are OpsLedger's. Answers are checked against the seed's
 * example responses: status, headers and the body's shape.
 */
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let get: ReturnType<typeof hblockClient>;
let team: TestTeamWithApp;
let user: { userName: string; secret: string };

beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  get = hblockClient(served.url);
  team = await api.newTeamWithApp({ name: 'Storage' });
  const created = await team.owner.hblockUsers.create({ name: `storuser-${team.slug}` });
  user = { userName: created.userName, secret: created.secret };
});
afterAll(async () => {
  await served.close();
  await api.close();
});

/** The example responses' headers: `x-hblock-request-id`, the JSON type, `Server: HBlock`. */
function expectSeedHeaders(headers: Headers) {
  expect(headers.get('x-hblock-request-id')).toMatch(/^[0-9a-f]{32}$/);
  expect(headers.get('content-type')).toBe('application/json;charset=utf-8');
  expect(headers.get('server')).toBe('HBlock');
}

describe("seed 002's examples, as printed", () => {
  it('请求示例1: the two newest user events, shaped as 响应示例1', async () => {
    // Two requests with a body from behind a proxy, as the example's events were made.
    for (const content of ['log collection started', 'signed in']) {
      const response = await fetch(`${served.url}/api/trpc/auditLogs.record`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${team.ownerSecret}`,
          'content-type': 'application/json',
          'x-forwarded-for': '36.111.88.33',
        },
        body: JSON.stringify({
          ...{ scope: 'node', category: 'user', action: 'login', content },
          actor: { did: 'z1storuser' },
        }),
      });
      expect(response.status).toBe(200);
    }
    const { status, headers, body } = await get('/rest/v1/system/event?number=2', user);
    expect(status).toBe(200);
    expectSeedHeaders(headers);
    expect(shapeMismatches(body, RESPONSE_1)).toEqual([]);
    const events = (body as { data: { events: { detail: { body: string } }[] } }).data.events;
    expect(events).toHaveLength(2);
    expect(events.map((event) => JSON.parse(event.detail.body) as unknown)).toMatchObject([
      { content: 'signed in' },
      { content: 'log collection started' },
    ]);
  });

  it('请求示例2: system events, shaped as 响应示例2', async () => {
    for (const target of ['disk', 'spaces']) {
      await team.owner.backups.create({ appDid: team.appDid, sourceUrl: '/data', target });
    }
    const { status, headers, body } = await get('/rest/v1/system/event?number=2&type=system', user);
    expect(status).toBe(200);
    expectSeedHeaders(headers);
    expect(shapeMismatches(body, RESPONSE_2)).toEqual([]);
    const events = (body as { data: { events: { name: string; instanceId?: string }[] } }).data
      .events;
    expect(events.map((event) => event.name)).toEqual(['BackupCreated', 'BackupCreated']);
    // As in the example's third event: the instance the event is about.
    expect(events.every((event) => typeof event.instanceId === 'string')).toBe(true);
  });

  it('names the server on errors too', async () => {
    const unsigned = await fetch(`${served.url}/rest/v1/system/event?number=2`);
    expect(unsigned.status).toBe(401);
    expectSeedHeaders(unsigned.headers);
    const { status, headers } = await get('/rest/v1/system/event?number=0', user);
    expect(status).toBe(400);
    expectSeedHeaders(headers);
  });
});
