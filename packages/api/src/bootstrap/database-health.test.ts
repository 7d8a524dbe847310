import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createOutageDatabase, type OutageDatabase } from '@opsledger/db/testing';

import { checkDatabase } from './database-health';

let outage: OutageDatabase;
beforeAll(async () => {
  outage = await createOutageDatabase();
});
afterAll(() => outage.close());

describe('checkDatabase', () => {
  it('is ok while the database answers, and names the failure while it is down', async () => {
    expect(await checkDatabase(outage.database)).toEqual({ ok: true });
    await outage.down();
    // The pool's open connections are dropped (CONNECTION_CLOSED), new ones refused.
    expect(await checkDatabase(outage.database)).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^the database is unreachable \((CONNECTION_CLOSED|ECONNREFUSED)\)$/,
      ),
    });
    await outage.up();
    expect(await checkDatabase(outage.database)).toEqual({ ok: true });
  });
});
