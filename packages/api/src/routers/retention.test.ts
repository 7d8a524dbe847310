import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HBlockEvent } from '../compat/hblock/hblock-event';
import { hblockClient } from '../compat/hblock/hblock-signer.testing';
import { flushRequestLog } from '../http/request-log/request-log-queue';
import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let get: ReturnType<typeof hblockClient>;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  get = hblockClient(served.url);
});
afterAll(async () => {
  await served.close();
  await flushRequestLog(api.database);
  await api.close();
});

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/**
 * An instant in the month `monthsBack` months before this one. The PostgreSQL test database
 * is shared by the run: months this far back are this file's own. The tests that keep a month
 * on purpose use months five apart from the one dropped, so a database kept between runs
 * (CI makes a fresh one) serves for months before their data meets the dropped test's month.
 */
function inMonthsBack(monthsBack: number, day: number, hour = 10) {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, day, hour),
  ).toISOString();
}
const monthOf = (instant: string) => instant.slice(0, 7);

const platformEvent = (name: string, occurredAt?: string) => ({
  type: 'user' as const,
  module: 'test',
  name,
  ...(occurredAt === undefined ? {} : { occurredAt }),
});

interface ChainRow extends Record<string, unknown> {
  seq: number;
  prev_hash: string;
  hash: string;
}

async function chainOf(team: TestTeam): Promise<ChainRow[]> {
  const rows = await api.database.query<ChainRow>(
    `select seq, prev_hash, hash from events where team_id = $1 order by seq`,
    [team.id],
  );
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

async function anchorOf(team: TestTeam) {
  const [row] = await api.database.query<{ seq: number; hash: string }>(
    `select seq, hash from chain_anchors where team_id = $1`,
    [team.id],
  );
  return row === undefined ? undefined : { seq: Number(row.seq), hash: row.hash };
}

async function partitionExists(month: string) {
  const [row] = await api.database.query<{ found: boolean }>(
    `select to_regclass($1) is not null as found`,
    [`events_${month.replace('-', '_')}`],
  );
  return row?.found === true;
}

describe('retention policies', () => {
  it('shows the defaults, and an owner changes one stream', async () => {
    const team = await api.newTeam();
    const shown = await (await team.as('viewer')).retention.show();
    expect(shown.policies).toEqual([
      { stream: 'audit', days: null, isDefault: true },
      { stream: 'activity', days: null, isDefault: true },
      { stream: 'passport', days: null, isDefault: true },
      { stream: 'user', days: 183, isDefault: true },
      { stream: 'system', days: 183, isDefault: true },
      { stream: 'traffic', days: 35, isDefault: true },
    ]);
    const changed = await team.owner.retention.set({ stream: 'audit', days: 400 });
    expect(changed.policies[0]).toEqual({ stream: 'audit', days: 400, isDefault: false });
    await team.owner.retention.set({ stream: 'user', days: null });
    const after = await team.owner.retention.show();
    expect(after.policies.slice(0, 4).map((p) => p.days)).toEqual([400, null, null, null]);
    // Another team keeps its defaults.
    expect((await (await api.newTeam()).owner.retention.show()).policies[0]?.days).toBeNull();
  });

  it('refuses an admin, and bad input names its field', async () => {
    const team = await api.newTeam();
    await expect(
      (await team.as('admin')).retention.set({ stream: 'user', days: 30 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(team.owner.retention.set({ stream: 'user', days: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('days'),
    });
    await expect(
      team.owner.retention.set({ stream: 'nope' as 'user', days: 3 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('stream') });
    await expect((await team.as('member')).retention.run()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the HBlock endpoint and retention', () => {
  it('never answers an event older than the policy, and answers it again once kept forever', async () => {
    const team = await api.newTeamWithApp({ name: 'Storage' });
    const user = await team.owner.hblockUsers.create({ name: `ops-${team.slug}` });
    const credentials = { userName: user.userName, secret: user.secret };
    await team.owner.events.recordBatch({
      items: [platformEvent('old-login', daysAgo(200)), platformEvent('new-login')],
    });
    const names = async () =>
      (
        (await get('/rest/v1/system/event?type=user', credentials)).body as {
          data: { events: HBlockEvent[] };
        }
      ).data.events.map((event) => event.name);

    // 200 days is past the 6 months HBlock keeps user events.
    expect(await names()).toContain('new-login');
    expect(await names()).not.toContain('old-login');
    expect(
      (await team.owner.events.list({ type: 'user' })).events.map((e) => e.name),
    ).not.toContain('old-login');

    await team.owner.retention.set({ stream: 'user', days: null });
    expect(await names()).toContain('old-login');
    await team.owner.retention.set({ stream: 'user', days: 1 });
    const kept = await names();
    expect(kept).toContain('new-login');
    expect(kept).not.toContain('old-login');
  });
});

describe('retention.run', () => {
  it('drops an expired month whole, anchors the chain at its last event, and is idempotent', async () => {
    const team = await api.newTeam();
    const expiredMonth = monthOf(inMonthsBack(113, 1));
    await team.owner.events.recordBatch({
      items: [1, 2, 3].map((day) => platformEvent(`old-${day}`, inMonthsBack(113, day))),
    });
    await team.owner.auditLogs.record({
      scope: 'node',
      category: 'user',
      action: 'login',
      actor: { did: 'z-admin' },
      content: 'kept forever by default',
    });
    await team.owner.events.record(platformEvent('recent'));
    const before = await chainOf(team);
    expect(before.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);

    const service = await team.as('service');
    const [first, second] = await Promise.all([
      service.retention.run(),
      team.owner.retention.run(),
    ]);
    expect([...first.droppedMonths, ...second.droppedMonths]).toContain(expiredMonth);
    expect(await partitionExists(expiredMonth)).toBe(false);

    // The anchor is the last dropped event; the kept chain links to it, then event to event.
    const anchor = await anchorOf(team);
    expect(anchor).toEqual({ seq: 3, hash: before[2]?.hash });
    const after = await chainOf(team);
    expect(after.map((row) => row.seq)).toEqual([4, 5]);
    expect(after[0]?.prev_hash).toBe(anchor?.hash);
    expect(after[1]?.prev_hash).toBe(after[0]?.hash);
    // The chain's readers (verify, bundles) start from the same anchor.
    expect((await team.owner.chain.state()).anchor).toEqual(anchor);

    // Nothing more to do: the next run changes neither the data nor the anchor.
    const again = await team.owner.retention.run();
    expect(again.droppedMonths).not.toContain(expiredMonth);
    expect(await anchorOf(team)).toEqual(anchor);
    expect(await chainOf(team)).toEqual(after);

    // The chain goes on from the kept head.
    await team.owner.events.record(platformEvent('next'));
    expect((await chainOf(team))[2]?.prev_hash).toBe(after[1]?.hash);

    // The dropped month can be written again (its partition is made anew), and goes again.
    const importer = await api.newTeam();
    await importer.owner.events.record(platformEvent('import', inMonthsBack(113, 20)));
    expect(await partitionExists(expiredMonth)).toBe(true);
    expect((await importer.owner.retention.run()).droppedMonths).toContain(expiredMonth);
    expect(await anchorOf(importer)).toMatchObject({ seq: 1 });
  });

  it('keeps a month that a stream kept forever, or an out-of-order chain, still holds', async () => {
    const keeper = await api.newTeam();
    const keptMonth = monthOf(inMonthsBack(118, 1));
    await keeper.owner.auditLogs.record({
      scope: 'node',
      category: 'user',
      action: 'login',
      actor: { did: 'z-admin' },
      content: 'imported',
      occurredAt: inMonthsBack(118, 2),
    });
    // The recent event comes first in the chain: dropping the old one would cut it mid-way.
    const outOfOrder = await api.newTeam();
    const heldMonth = monthOf(inMonthsBack(119, 1));
    await outOfOrder.owner.events.record(platformEvent('recent'));
    await outOfOrder.owner.events.record(platformEvent('imported later', inMonthsBack(119, 3)));

    const run = await keeper.owner.retention.run();
    expect(run.droppedMonths).not.toContain(keptMonth);
    expect(run.droppedMonths).not.toContain(heldMonth);
    expect(run.heldMonths).toContain(heldMonth);
    expect(await partitionExists(keptMonth)).toBe(true);
    expect((await keeper.owner.auditLogs.list({})).list).toHaveLength(1);
    // Still stored, but never answered: the policy has expired it.
    expect(await chainOf(outOfOrder)).toHaveLength(2);
    expect(
      (await outOfOrder.owner.events.list({ type: 'user' })).events.map((e) => e.name),
    ).toEqual(['recent']);
    expect(await anchorOf(outOfOrder)).toBeUndefined();
  });

  it('lets a write into a month that retention just dropped elsewhere make it anew', async () => {
    const team = await api.newTeam();
    const at = inMonthsBack(107, 4);
    await team.owner.events.record(platformEvent('first', at));
    // As another process's run would: this process still believes the month exists.
    await api.database.query(`drop table "events_${monthOf(at).replace('-', '_')}"`);
    await team.owner.events.record(platformEvent('second', at));
    expect(await partitionExists(monthOf(at))).toBe(true);
  });

  it('prunes raw traffic hits past the traffic retention and keeps the daily figures', async () => {
    const team = await api.newTeamWithApp({ name: 'Website' });
    const keeps = await api.newTeamWithApp({ name: 'Archive' });
    await keeps.owner.retention.set({ stream: 'traffic', days: null });
    const hits = (appDid: string) => ({
      items: [40, 39, 5].map((days) => ({
        appDid,
        path: '/',
        status: 200,
        occurredAt: daysAgo(days),
      })),
    });
    await team.owner.traffic.ingest(hits(team.appDid));
    await keeps.owner.traffic.ingest(hits(keeps.appDid));
    const figures = await team.owner.traffic.insights({});

    const run = await team.owner.retention.run();
    expect(run.prunedTrafficHits).toBeGreaterThanOrEqual(2);
    const count = async (teamId: string) => {
      const [row] = await api.database.query<{ n: number }>(
        `select count(*)::int as n from traffic_hits where team_id = $1`,
        [teamId],
      );
      return Number(row?.n);
    };
    expect(await count(team.id)).toBe(1);
    expect(await count(keeps.id)).toBe(3);
    expect(await team.owner.traffic.insights({})).toEqual(figures);
  });
});
