import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  appWallet,
  signedHeaders,
  spaceEndpoint,
  type AppWallet,
} from '../../compat/did-spaces/did-spaces-client.testing';
import { hblockClient } from '../../compat/hblock/hblock-signer.testing';
import { createTestApi, serveApi, type ServedApi } from '../../testing';
import { DEFAULT_FAILED_AUTH_LIMITS } from './failed-auth-limits';
import { expectRetryAfter, failureSummaries, freshAddress, totals } from './failed-auth.testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database, { forwardedFor: true });
});
afterAll(async () => {
  await served.close();
  await api.close();
});

const BUDGET = DEFAULT_FAILED_AUTH_LIMITS.credential[0]?.failures ?? 0;

/** Sends BUDGET + 1 attempts; answers the statuses and the last response. */
async function exhaust(attempt: () => Promise<Response>) {
  const statuses: number[] = [];
  let last: Response | null = null;
  for (let n = 0; n <= BUDGET; n += 1) {
    last = await attempt();
    statuses.push(last.status);
  }
  return { statuses, last: last as Response };
}

/** A key of the team that is then revoked: a credential that names its team and fails. */
async function revokedKey() {
  const team = await api.newTeam();
  const created = await team.owner.apiKeys.create({ role: 'viewer' });
  await team.owner.apiKeys.revoke({ id: created.id });
  return { team, created };
}

describe('API keys', () => {
  it('on tRPC: 401s, then TOO_MANY_REQUESTS with Retry-After, and one event in the team', async () => {
    const { team, created } = await revokedKey();
    const address = freshAddress();
    const { statuses, last } = await exhaust(() =>
      fetch(`${served.url}/api/trpc/auditLogs.list`, {
        headers: { authorization: `Bearer ${created.secret}`, 'x-forwarded-for': address },
      }),
    );
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(401), 429]);
    expect(await last.json()).toMatchObject({ error: { data: { code: 'TOO_MANY_REQUESTS' } } });
    expectRetryAfter(last.headers, 60);

    const { summaries, raw } = await failureSummaries(api.database, team);
    expect(summaries[0]).toMatchObject({ scheme: 'api-key', credentialId: created.id });
    expect(totals(summaries)).toEqual({ failures: BUDGET, refused: 1 });
    expect(raw).not.toContain(created.secret);
    // The owner's own key, from the same address, is not affected.
    const own = await fetch(`${served.url}/api/trpc/auditLogs.list?input=%7B%7D`, {
      headers: { authorization: `Bearer ${team.ownerSecret}`, 'x-forwarded-for': address },
    });
    expect(own.status).toBe(200);
  });

  it('on the Activities Log GraphQL: a GraphQL error with its code, and Retry-After', async () => {
    const { created } = await revokedKey();
    const address = freshAddress();
    const { statuses, last } = await exhaust(() =>
      fetch(`${served.url}/api/compat/activities`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${created.secret}`,
          'content-type': 'application/json',
          'x-forwarded-for': address,
        },
        body: JSON.stringify({ query: '{ auditLogs { edges { node { id } } } }' }),
      }),
    );
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(await last.json()).toMatchObject({
      errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' } }],
    });
    expectRetryAfter(last.headers, 60);
  });
});

describe('HBlock users', () => {
  it('count against the user in any case, and refuse the right signature while blocked', async () => {
    const team = await api.newTeam();
    const user = await team.owner.hblockUsers.create({ name: `Ops-${team.slug}` });
    const get = hblockClient(served.url);
    const address = freshAddress();
    const headers = { 'x-forwarded-for': address };
    const wrong = { userName: user.userName.toUpperCase(), secret: 'hbs_wrong' };
    const statuses: number[] = [];
    for (let n = 0; n < BUDGET; n += 1) {
      statuses.push((await get('/rest/v1/system/event', wrong, { headers })).status);
    }
    expect(statuses).toEqual(Array<number>(BUDGET).fill(401));
    const right = { userName: user.userName.toLowerCase(), secret: user.secret };
    const blocked = await get('/rest/v1/system/event', right, { headers });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'TooManyRequests' });
    expectRetryAfter(blocked.headers, 60);

    const { summaries } = await failureSummaries(api.database, team);
    expect(summaries[0]).toMatchObject({
      scheme: 'hblock-user',
      credentialId: `hblock-user:${user.userName}`,
    });
    expect(totals(summaries)).toEqual({ failures: BUDGET, refused: 1 });
  });

  it('are unique regardless of case, and sign in under any case of the name', async () => {
    const team = await api.newTeam();
    const other = await api.newTeam();
    const name = `Case-${team.slug}`;
    const user = await team.owner.hblockUsers.create({ name });
    await expect(
      other.owner.hblockUsers.create({ name: name.toLowerCase() }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `name: the HBlock user name ${name.toLowerCase()} is taken`,
    });
    const answer = await hblockClient(served.url)(
      '/rest/v1/system/event?type=user&number=1',
      { userName: name.toUpperCase(), secret: user.secret },
      { headers: { 'x-forwarded-for': freshAddress() } },
    );
    expect(answer.status).toBe(200);
  });
});

describe('DID Spaces signed requests', () => {
  it('count against the app DID in the path, and refuse its own signature while blocked', async () => {
    const team = await api.newTeam();
    const wallet = appWallet();
    await team.addApp({ name: 'Photos' }, wallet);
    const address = freshAddress();
    const endpoint = spaceEndpoint(served.url, appWallet().address, wallet.address);
    const url = endpoint.replace(/object\/$/, 'audit-log/list?size=10&page=0');
    const list = async (signer: AppWallet) => {
      const headers = await signedHeaders({ wallet: signer, method: 'GET', url });
      const response = await fetch(url, { headers: { ...headers, 'x-forwarded-for': address } });
      return { status: response.status, text: await response.text(), headers: response.headers };
    };
    const statuses: number[] = [];
    for (let n = 0; n < BUDGET; n += 1) statuses.push((await list(appWallet())).status);
    expect(statuses).toEqual(Array<number>(BUDGET).fill(403));
    const blocked = await list(wallet);
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain('too many failed authentications');
    expectRetryAfter(blocked.headers, 60);

    const { summaries } = await failureSummaries(api.database, team);
    expect(summaries[0]).toMatchObject({ scheme: 'did-spaces-app', clientAddress: address });
    expect(totals(summaries)).toEqual({ failures: BUDGET, refused: 1 });
  });
});
