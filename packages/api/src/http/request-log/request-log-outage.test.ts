import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createOutageDatabase, type OutageDatabase } from '@opsledger/db/testing';

import type { Caller } from '../../auth/authenticate';
import { createCaller } from '../../caller';
import { createTeam } from '../../services/teams/create-team';
import { enqueueRequestLog, flushRequestLog } from './request-log-queue';

let outage: OutageDatabase;
beforeAll(async () => {
  outage = await createOutageDatabase();
});
afterAll(async () => {
  await outage.up();
  await outage.close();
});

async function newTeam() {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  const { team, ownerKey } = await createTeam(outage.database, { slug, name: slug });
  const caller: Caller = {
    team: { id: team.id, slug, name: slug },
    credential: { kind: 'api-key', keyId: 'test' },
    role: 'owner',
  };
  const names = async () => {
    const owner = await createCaller(outage.database, ownerKey.secret);
    const { events } = await owner.events.list({ type: 'user', number: 100 });
    return events.map((event) => event.name).sort();
  };
  return { caller, names };
}

describe('the request log while the database is down', () => {
  it('keeps what it accepted and writes it, once, when the database is back', async () => {
    const team = await newTeam();
    await outage.down();
    for (const name of ['a0', 'a1', 'a2']) {
      enqueueRequestLog(outage.database, {
        caller: team.caller,
        build: async () => ({ type: 'user', module: 'Test', name }),
      });
    }
    // Failed writes, twice: nothing may be lost to either.
    await flushRequestLog(outage.database);
    await flushRequestLog(outage.database);
    enqueueRequestLog(outage.database, {
      caller: team.caller,
      build: async () => ({ type: 'user', module: 'Test', name: 'a3' }),
    });
    await flushRequestLog(outage.database);
    await outage.up();
    await vi.waitFor(
      async () => {
        await flushRequestLog(outage.database);
        expect(await team.names()).toEqual(['a0', 'a1', 'a2', 'a3']);
      },
      { timeout: 15_000, interval: 200 },
    );
  });
});
