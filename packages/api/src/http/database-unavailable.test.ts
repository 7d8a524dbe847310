import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createOutageDatabase, type OutageDatabase } from '@opsledger/db/testing';

import { hashApiKeySecret } from '../auth/api-key-secret';
import { createTeam } from '../services/teams/create-team';
import { serveApi, type ServedApi } from '../testing/serve';

let outage: OutageDatabase;
let served: ServedApi;
let key: string;
beforeAll(async () => {
  outage = await createOutageDatabase();
  served = await serveApi(outage.database);
  const slug = `t-${randomUUID().slice(0, 12)}`;
  key = (await createTeam(outage.database, { slug, name: 'Outage' })).ownerKey.secret;
  await outage.down();
});
afterAll(async () => {
  await outage.up();
  await served.close();
  await outage.close();
});

/** A body that tells nothing of the database: no statement, no parameter, no hash. */
function expectNothingLeaked(body: string) {
  expect(body).not.toMatch(/select|insert|from "|api_keys|params|Failed query/i);
  expect(body).not.toContain(hashApiKeySecret(key));
  expect(body).not.toMatch(/[0-9a-f]{64}/);
}

async function answer(path: string, init: RequestInit = {}) {
  const response = await fetch(`${served.url}${path}`, init);
  const body = await response.text();
  expectNothingLeaked(body);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

const bearer = () => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

describe('every endpoint while the database is down', () => {
  it('native API: 503 with Retry-After when resolving the caller fails, in tRPC shape', async () => {
    const single = await answer('/api/trpc/teams.current', { headers: bearer() });
    expect(single).toMatchObject({ status: 503, retryAfter: '2' });
    expect(JSON.parse(single.body)).toMatchObject({
      error: { data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 } },
    });
    const batch = await answer('/api/trpc/teams.current,auditLogs.list?batch=1&input={}', {
      headers: bearer(),
    });
    expect(batch).toMatchObject({ status: 503, retryAfter: '2' });
  });

  it('Activities Log and Blocklet GraphQL: 503 with Retry-After, as GraphQL errors', async () => {
    const query = JSON.stringify({ query: '{ auditLogs { totalCount } }' });
    for (const [path, code] of [
      ['/api/compat/activities', 'SERVICE_UNAVAILABLE'],
      ['/api/compat/blocklet', 'service_unavailable'],
    ] as const) {
      const reply = await answer(path, { method: 'POST', headers: bearer(), body: query });
      expect(reply).toMatchObject({ status: 503, retryAfter: '2' });
      expect(JSON.parse(reply.body)).toEqual({
        errors: [{ message: expect.stringContaining('unavailable'), extensions: { code } }],
      });
    }
  });

  it('HBlock: 503 ServiceUnavailable with Retry-After', async () => {
    const reply = await answer('/rest/v1/system/event?number=5', {
      headers: { authorization: 'HBlock ops:c2lnbmF0dXJl', date: new Date().toUTCString() },
    });
    expect(reply).toMatchObject({ status: 503, retryAfter: '2' });
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'ServiceUnavailable' });
  });
});
