import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, type TestCaller } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const YEAR_ZERO = '0000-01-01T00:00:00Z';
/** Year 1 in its own zone, but 0000-12-31 in UTC. */
const YEAR_ZERO_IN_UTC = '0001-01-01T00:00:00+14:00';
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

const entry = (occurredAt?: string): Parameters<TestCaller['auditLogs']['record']>[0] => ({
  scope: 'node',
  category: 'user',
  action: 'login',
  actor: { did: 'z1alice' },
  ...(occurredAt === undefined ? {} : { occurredAt }),
});

const badRequest = (message: string) => ({ code: 'BAD_REQUEST', message });

describe('times PostgreSQL cannot store', () => {
  it('are a 400 naming the field in every kind of read', async () => {
    const { owner } = await api.newTeam();
    const unstorable = 'must lie between years 0001 and 9999 in UTC';
    const reads: [() => Promise<unknown>, string][] = [
      [() => owner.auditLogs.list({ from: YEAR_ZERO }), `from: ${unstorable}`],
      [() => owner.auditLogs.scroll({ to: YEAR_ZERO_IN_UTC }), `to: ${unstorable}`],
      [
        () => owner.activities.list({ filter: { createdAtAfter: YEAR_ZERO } }),
        `filter.createdAtAfter: ${unstorable}`,
      ],
      [() => owner.backups.list({ from: YEAR_ZERO_IN_UTC }), `from: ${unstorable}`],
      [() => owner.backups.summary({ to: YEAR_ZERO }), `to: ${unstorable}`],
      [
        () => owner.traffic.insights({ startDate: '0000-01-01' }),
        'startDate: must lie between 0001-01-01 and 9999-12-31',
      ],
    ];
    for (const [read, message] of reads)
      await expect(read()).rejects.toMatchObject(badRequest(message));
  });

  it('are a 400 in writes, traffic.ingest included', async () => {
    const { owner, appDid } = await api.newTeamWithApp({ name: 'Shop' });
    await expect(owner.auditLogs.record(entry(YEAR_ZERO))).rejects.toMatchObject(
      badRequest('occurredAt: must lie between years 0001 and 9999 in UTC'),
    );
    const hit = { appDid, path: '/', status: 200, occurredAt: YEAR_ZERO_IN_UTC };
    await expect(owner.traffic.ingest({ items: [hit] })).rejects.toMatchObject(
      badRequest('items.0.occurredAt: must lie between years 0001 and 9999 in UTC'),
    );
  });

  it('at the edge of year 1 still summarise: the default window does not leave the years', async () => {
    const { owner } = await api.newTeam();
    await expect(owner.backups.summary({ to: '0001-01-02T00:00:00Z' })).resolves.toEqual({
      summary: [],
    });
  });
});

describe('event times a writer may choose', () => {
  it('lie at most 5 minutes ahead, naming the item', async () => {
    const { owner } = await api.newTeam();
    const items = [0, 1, 2].map(() => entry(fromNow(-MINUTE_MS)));
    items.push(entry(fromNow(10 * MINUTE_MS)));
    await expect(owner.auditLogs.recordBatch({ items })).rejects.toMatchObject(
      badRequest('items.3.occurredAt: must not be more than 5 minutes in the future'),
    );
    expect((await owner.auditLogs.list({})).list).toEqual([]);
  });

  it('lie within the import horizon, in every stream and in traffic', async () => {
    const { owner, appDid } = await api.newTeamWithApp({ name: 'Shop' });
    const past = fromNow(-3651 * DAY_MS);
    const horizon = 'must not be more than 3650 days in the past (the import horizon)';
    await expect(
      owner.events.record({ type: 'system', module: 'Backup', name: 'Started', occurredAt: past }),
    ).rejects.toMatchObject(badRequest(`occurredAt: ${horizon}`));
    await expect(
      owner.traffic.ingest({ items: [{ appDid, path: '/', status: 200, occurredAt: past }] }),
    ).rejects.toMatchObject(badRequest(`items.0.occurredAt: ${horizon}`));
    const recent = await owner.auditLogs.record(entry(fromNow(-3649 * DAY_MS)));
    expect(recent.inserted).toBe(1);
  });
});

/** Which of these months have an events partition, as the catalog says. */
async function partitionedMonths(database: typeof api.database, months: readonly string[]) {
  const rows = await database.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass and c.relname = any($1::text[])`,
    [months.map((month) => `events_${month.replace('-', '_')}`)],
  );
  return rows.map((row) => row.name).sort();
}

/** One entry in each of `count` months going back from last month, and those months. */
function monthlyEntries(count: number) {
  const now = new Date();
  const instants = Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 15)).toISOString(),
  );
  return { items: instants.map(entry), months: instants.map((instant) => instant.slice(0, 7)) };
}

describe('a batch spread over many months', () => {
  let wide: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    // A horizon wide enough that 1,000 months back are allowed times: only the partitions stop it.
    wide = await createTestApi({ writeLimits: { importHorizonDays: 100 * 366 } });
  });
  afterAll(() => wide.close());

  async function expectRefusedWhileOthersRead(caller: TestCaller, reader: TestCaller) {
    const { items, months } = monthlyEntries(1000);
    const before = await partitionedMonths(wide.database, months);
    const [flood, read] = await Promise.allSettled([
      caller.auditLogs.recordBatch({ items }),
      reader.auditLogs.list({}),
    ]);
    expect(read.status).toBe('fulfilled');
    expect(await partitionedMonths(wide.database, months)).toEqual(before);
    return flood;
  }

  it('is a 400 that creates no partition, while another team reads', async () => {
    const [writer, reader] = [await wide.newTeam(), await wide.newTeam()];
    const flood = await expectRefusedWhileOthersRead(await writer.as('member'), reader.owner);
    expect(flood).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(
          /^items: spans \d+ months not yet stored, more than the 12 one request may add: split it/,
        ),
      },
    });
    expect((await writer.owner.auditLogs.list({})).list).toEqual([]);
  });

  it('dated in as many future months is refused by the time bounds first', async () => {
    const { owner } = await api.newTeam();
    const now = new Date();
    const items = Array.from({ length: 1000 }, (_, i) =>
      entry(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1 + i, 15)).toISOString()),
    );
    await expect(owner.auditLogs.recordBatch({ items })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^items\.0\.occurredAt: must not be more than 5 minutes/),
    });
  });
});
