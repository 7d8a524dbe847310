import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, provenApp, serveApi, type ServedApi } from '@opsledger/api/testing';

import { createOpsLedgerClient } from './create-client';
import { TransientResponseError } from './links/transient-failure';

type Fault = 'none' | 'before' | 'after';

/**
 * A gateway between client and API that fails on demand with a 503: `before` never forwards
 * the request; `after` forwards it and loses the answer (the write happened, the client cannot
 * know). Faults are taken from a queue, one per request, then everything passes.
 */
async function startFlakyProxy(target: string) {
  const faults: Fault[] = [];
  const seen: string[] = [];
  const server = createServer((incoming, reply) => {
    const fault = faults.shift() ?? 'none';
    seen.push(new URL(incoming.url ?? '/', target).pathname.replace('/api/trpc/', ''));
    const fail = () => {
      reply.statusCode = 503;
      reply.setHeader('content-type', 'text/html');
      reply.end('<h1>503 Service Unavailable</h1>');
    };
    if (fault === 'before') {
      incoming.resume();
      incoming.on('end', fail);
      return;
    }
    const upstream = httpRequest(
      new URL(incoming.url ?? '/', target),
      { method: incoming.method, headers: incoming.headers },
      (answer: IncomingMessage) => {
        if (fault === 'after') {
          answer.resume();
          answer.on('end', fail);
          return;
        }
        reply.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(reply);
      },
    );
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Fail the next requests in this way, in order. */
    fail: (...next: Fault[]) => faults.push(...next),
    /** Procedure paths of the requests seen since the last call. */
    takeSeen: () => seen.splice(0),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let proxy: Awaited<ReturnType<typeof startFlakyProxy>>;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  proxy = await startFlakyProxy(served.url);
});
afterAll(async () => {
  await proxy.close();
  await served.close();
  await api.close();
});

/** App DIDs are unique in a database, which PostgreSQL test runs share. */
const fastRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

async function clientForNewTeam() {
  const team = await api.newTeam();
  return {
    team,
    client: createOpsLedgerClient({ url: proxy.url, key: team.ownerSecret, retry: fastRetry }),
  };
}

describe('createOpsLedgerClient', () => {
  it('talks to the API with the bearer key of a team', async () => {
    const { team, client } = await clientForNewTeam();
    expect((await client.teams.current.query()).slug).toBe(team.slug);
    proxy.takeSeen();
  });

  it('retries a query after a 503 from the gateway', async () => {
    const { team, client } = await clientForNewTeam();
    proxy.takeSeen();
    proxy.fail('before');
    expect((await client.teams.current.query()).slug).toBe(team.slug);
    expect(proxy.takeSeen()).toEqual(['teams.current', 'teams.current']);
  });

  it('repeats a batch whose answer was lost without recording anything twice', async () => {
    const { client } = await clientForNewTeam();
    const items = ['deploy', 'rollback', 'restart'].map((action) => ({
      scope: 'z1app',
      category: 'ops',
      action,
      actor: { did: 'z1alice' },
    }));
    proxy.takeSeen();
    proxy.fail('after');
    const result = await client.auditLogs.recordBatch.mutate({ items });
    expect(proxy.takeSeen()).toEqual(['auditLogs.recordBatch', 'auditLogs.recordBatch']);
    // The first attempt wrote the rows; the retry found every key already there.
    expect(result).toMatchObject({ inserted: 0, duplicates: 3 });
    const page = await client.auditLogs.list.query({ page: 1, pageSize: 10 });
    expect(page.paging.total).toBe(3);
    expect(page.list.map((log) => log.action).sort()).toEqual(['deploy', 'restart', 'rollback']);
  });

  it('never retries a 4xx answer', async () => {
    const { client } = await clientForNewTeam();
    proxy.takeSeen();
    await expect(client.apiKeys.create.mutate({ role: 'god' as never })).rejects.toMatchObject({
      data: { httpStatus: 400 },
      message: expect.stringContaining('role'),
    });
    const stranger = createOpsLedgerClient({ url: proxy.url, key: 'olk_wrong', retry: fastRetry });
    await expect(stranger.teams.current.query()).rejects.toMatchObject({
      data: { httpStatus: 401 },
    });
    expect(proxy.takeSeen()).toEqual(['apiKeys.create', 'teams.current']);
  });

  it('does not repeat a write that may have happened and has no idempotency key', async () => {
    const { client, team } = await clientForNewTeam();
    proxy.takeSeen();
    proxy.fail('after');
    const app = await provenApp(team.id, { name: 'Lost answer' });
    const failed = client.apps.create.mutate(app);
    await expect(failed).rejects.toMatchObject({ cause: expect.any(TransientResponseError) });
    expect(proxy.takeSeen()).toEqual(['apps.create']);
    expect((await client.apps.list.query()).map(({ did }) => did)).toEqual([app.did]);
  });

  it('repeats any call whose connection was refused, since it never reached the server', async () => {
    const team = await api.newTeam();
    let refusals = 1;
    const client = createOpsLedgerClient({
      url: served.url,
      key: team.ownerSecret,
      retry: fastRetry,
      fetch: async (input, init) => {
        if (refusals-- > 0) {
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
          });
        }
        return fetch(input, init);
      },
    });
    const app = await provenApp(team.id, { name: 'Refused once' });
    await client.apps.create.mutate(app);
    expect((await client.apps.list.query()).map(({ did }) => did)).toEqual([app.did]);
  });

  it('gives up after the configured attempts with the last status', async () => {
    const { client } = await clientForNewTeam();
    proxy.takeSeen();
    proxy.fail('before', 'before', 'before');
    await expect(client.teams.current.query()).rejects.toThrow(/answered 503/);
    expect(proxy.takeSeen()).toHaveLength(3);
  });
});
