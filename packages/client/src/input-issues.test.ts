import { isTRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppRouter } from '@opsledger/api';
import { createTestApi, serveApi, type ServedApi } from '@opsledger/api/testing';

import { createOpsLedgerClient } from './create-client';

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

const event = (occurredAt: string) => ({
  type: 'user' as const,
  module: 'LUN',
  name: 'CreateLUN',
  occurredAt,
});

async function failureOf(pending: Promise<unknown>) {
  const failure = await pending.then(
    () => null,
    (error: unknown) => error,
  );
  if (!isTRPCClientError<AppRouter>(failure)) throw new Error('expected the call to fail');
  return failure;
}

describe('an input that fails validation', () => {
  it('reaches a typed client with each bad field by its path, besides the flat message', async () => {
    const team = await api.newTeam();
    const client = createOpsLedgerClient({ url: served.url, key: team.ownerSecret, retry: false });
    const items = ['a', 'b', 'c', 'd'].map(() => event(new Date().toISOString()));
    items[3] = event('yesterday');
    const failure = await failureOf(client.events.recordBatch.mutate({ items }));

    expect(failure.data?.httpStatus).toBe(400);
    expect(failure.message).toMatch(/^items\.3\.occurredAt: /);
    expect(failure.data?.issues).toEqual([
      { path: ['items', 3, 'occurredAt'], message: expect.any(String) },
    ]);
    // Nothing of the batch was stored (the request log holds the refused request itself).
    const { events } = await client.events.list.query({});
    expect(events.filter((stored) => stored.module === 'LUN')).toEqual([]);
  });

  it('carries no issues for a failure that is not about the input', async () => {
    const stranger = createOpsLedgerClient({ url: served.url, key: 'olk_wrong', retry: false });
    const failure = await failureOf(stranger.teams.current.query());
    expect(failure.data?.httpStatus).toBe(401);
    expect(failure.data?.issues).toBeUndefined();
  });
});
