import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createOutageDatabase,
  createTeam,
  serveApi,
  type OutageDatabase,
  type ServedApi,
} from '@opsledger/api/testing';

import { createOpsLedgerClient } from './create-client';

let outage: OutageDatabase;
let served: ServedApi;
let key: string;
beforeAll(async () => {
  outage = await createOutageDatabase();
  served = await serveApi(outage.database);
  const slug = `t-${randomUUID().slice(0, 12)}`;
  key = (await createTeam(outage.database, { slug, name: 'Outage' })).ownerKey.secret;
});
afterAll(async () => {
  await outage.up();
  await served.close();
  await outage.close();
});

describe('the client while the database behind the API restarts', () => {
  it('repeats a keyed write answered 503 until the database is back, storing it once', async () => {
    let unavailable = 0;
    const client = createOpsLedgerClient({
      url: served.url,
      key,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      // The database comes back after the API has answered 503 twice.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 503 && ++unavailable === 2) await outage.up();
        return response;
      },
    });
    const items = ['deploy', 'rollback', 'restart'].map((action) => ({
      scope: 'z1app',
      category: 'ops',
      action,
      actor: { did: 'z1alice' },
    }));
    await outage.down();
    const result = await client.auditLogs.recordBatch.mutate({ items });
    expect(unavailable).toBe(2);
    expect(result).toMatchObject({ inserted: 3, duplicates: 0 });
    const page = await client.auditLogs.list.query({ page: 1, pageSize: 10 });
    expect(page.list.map((log) => log.action).sort()).toEqual(['deploy', 'restart', 'rollback']);
  });

  it('does not repeat a write without idempotency keys, since it cannot know it failed', async () => {
    const client = createOpsLedgerClient({ url: served.url, key, retry: { baseDelayMs: 1 } });
    await outage.down();
    await expect(client.apiKeys.create.mutate({ role: 'viewer' })).rejects.toThrow(/answered 503/);
    await outage.up();
  });
});
