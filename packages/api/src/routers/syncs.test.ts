import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SyncRun } from '@opsledger/domain';

import { systemEventsOfRun } from '../services/runs/run-events.testing';
import { createTestApi, type TestTeamWithApp } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const newRun = (team: TestTeamWithApp, extra: object = {}) =>
  team.owner.syncs.create({
    appDid: team.appDid,
    source: '/data/objects',
    target: 'https://spaces.example/app',
    ...extra,
  });

describe('sync runs status machine', () => {
  it('creates a run carrying its app, and records the creation', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const run = await newRun(team, { actionType: 'APP_BACKUP', userId: 'u1', username: 'ann' });
    expect(run).toMatchObject({
      appDid: team.appDid,
      appName: 'Synced app',
      appDescription: 'a website',
      actionType: 'app-backup',
      status: 'initial',
      totalCount: 0,
      userId: 'u1',
      username: 'ann',
      metadata: null,
    });
    expect(await team.owner.syncs.get({ id: run.id })).toEqual(run);
    expect(await systemEventsOfRun(api.database, team.id, run.id)).toEqual([
      {
        module: 'Sync',
        name: 'SyncCreated',
        body: { status: 'initial', actionType: 'app-backup' },
      },
    ]);
  });

  it('records counts as the run goes and reports them when it ends', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const run = await newRun(team);
    await team.owner.syncs.update({ id: run.id, status: 'running', totalCount: 10 });
    await team.owner.syncs.update({ id: run.id, successCount: 4 });
    const done = await team.owner.syncs.update({
      id: run.id,
      status: 'failed',
      reason: 'quota exceeded',
      successCount: 7,
      errorCount: 3,
      size: 2048,
      duration: 1500,
      metadata: { spaceDid: 'zSpace' },
    });
    expect(done).toMatchObject({
      status: 'failed',
      reason: 'quota exceeded',
      totalCount: 10,
      successCount: 7,
      errorCount: 3,
      size: 2048,
      duration: 1500,
      metadata: { spaceDid: 'zSpace' },
      appName: 'Synced app',
    });
    const events = await systemEventsOfRun(api.database, team.id, run.id);
    expect(events.map((e) => e.name)).toEqual(['SyncCreated', 'SyncRunning', 'SyncFailed']);
    expect(events[2]?.body).toEqual({
      status: 'failed',
      reason: 'quota exceeded',
      totalCount: 10,
      successCount: 7,
      errorCount: 3,
    });
  });

  it('skips steps, refuses moves back with a 409 on status, and treats a repeat as a no-op', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const run = await newRun(team, { status: 'pending' });
    const done = await team.owner.syncs.update({ id: run.id, status: 'succeeded' });
    await expect(team.owner.syncs.update({ id: run.id, status: 'pending' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'status: cannot move from succeeded to pending',
    });
    expect(await team.owner.syncs.update({ id: run.id, status: 'succeeded', size: 9 })).toEqual(
      done,
    );
    const running = await newRun(team, { status: 'running' });
    await expect(
      team.owner.syncs.update({ id: running.id, status: 'initial' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^status:/) });

    expect((await systemEventsOfRun(api.database, team.id, run.id)).map((e) => e.name)).toEqual([
      'SyncCreated',
      'SyncSucceeded',
    ]);
    expect(await systemEventsOfRun(api.database, team.id, running.id)).toHaveLength(1);
  });

  it('returns the same run for a retried create with an idempotency key', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const first = await newRun(team, { idempotencyKey: 'sync-42' });
    expect(await newRun(team, { idempotencyKey: 'sync-42', totalCount: 5 })).toEqual(first);
    expect((await team.owner.syncs.list({})).paging.total).toBe(1);
  });
});

describe('sync runs list', () => {
  /** Four runs with distinct sort values; returns them in creation order. */
  async function fourRuns(team: TestTeamWithApp): Promise<SyncRun[]> {
    const specs = [
      { actionType: 'app-objects-sync', status: 'succeeded', duration: 30, size: 400 },
      { actionType: 'app-backup', status: 'failed', duration: 10, size: 100 },
      { actionType: 'app-restore', status: 'running', duration: 40, size: 300 },
      { actionType: 'app-objects-sync', status: 'failed', duration: 20, size: 200 },
    ];
    const runs: SyncRun[] = [];
    for (const [i, spec] of specs.entries()) {
      const run = await newRun(team, spec);
      // Distinct creation times, a second apart, regardless of how fast the machine is.
      await api.database.query(
        `update sync_runs set created_at = $2::text::timestamptz, updated_at = $3::text::timestamptz where id = $1`,
        [run.id, `2026-04-0${i + 1}T00:00:00.000Z`, `2026-04-0${4 - i}T12:00:00.000Z`],
      );
      runs.push(await team.owner.syncs.get({ id: run.id }));
    }
    return runs;
  }

  it('filters by status and action type, each one value or a list', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const [r0, r1, r2, r3] = (await fourRuns(team)).map((r) => r.id);
    const ids = async (input: Parameters<typeof team.owner.syncs.list>[0]) =>
      (await team.owner.syncs.list(input)).items.map((r) => r.id);

    expect(await ids({ status: 'failed' })).toEqual([r3, r1]);
    expect(await ids({ status: ['running', 'succeeded'] })).toEqual([r2, r0]);
    expect(await ids({ actionType: 'APP_OBJECTS_SYNC' })).toEqual([r3, r0]);
    expect(await ids({ actionType: ['app-backup', 'app-restore'] })).toEqual([r2, r1]);
    expect(await ids({ status: 'failed', actionType: 'app-objects-sync' })).toEqual([r3]);
    expect(await ids({ status: 'canceled' })).toEqual([]);
  });

  it('sorts by every sort key in both orders', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const [r0, r1, r2, r3] = (await fourRuns(team)).map((r) => r.id);
    const ids = async (
      sort: 'createdAt' | 'updatedAt' | 'duration' | 'size',
      order: 'asc' | 'desc',
    ) => (await team.owner.syncs.list({ sort, order })).items.map((r) => r.id);

    expect(await ids('createdAt', 'desc')).toEqual([r3, r2, r1, r0]);
    expect(await ids('createdAt', 'asc')).toEqual([r0, r1, r2, r3]);
    expect(await ids('updatedAt', 'asc')).toEqual([r3, r2, r1, r0]);
    expect(await ids('duration', 'asc')).toEqual([r1, r3, r0, r2]);
    expect(await ids('size', 'desc')).toEqual([r0, r2, r3, r1]);

    const byStatus = await team.owner.syncs.list({ sort: 'status', order: 'asc' });
    expect(byStatus.items.map((r) => r.status)).toEqual([
      'failed',
      'failed',
      'running',
      'succeeded',
    ]);
    const byAction = await team.owner.syncs.list({ sort: 'actionType', order: 'desc' });
    expect(byAction.items.map((r) => r.actionType)).toEqual([
      'app-restore',
      'app-objects-sync',
      'app-objects-sync',
      'app-backup',
    ]);
  });

  it('pages by offset and reports the totals', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const [r0, r1, r2, r3] = (await fourRuns(team)).map((r) => r.id);
    const first = await team.owner.syncs.list({ pageSize: 3 });
    expect(first.items.map((r) => r.id)).toEqual([r3, r2, r1]);
    expect(first.paging).toEqual({ total: 4, pageSize: 3, pageCount: 2, page: 1 });
    const second = await team.owner.syncs.list({ pageSize: 3, page: 2 });
    expect(second.items.map((r) => r.id)).toEqual([r0]);
    expect(second.paging).toEqual({ total: 4, pageSize: 3, pageCount: 2, page: 2 });
    const filtered = await team.owner.syncs.list({ status: 'failed', pageSize: 1, page: 2 });
    expect(filtered.items.map((r) => r.id)).toEqual([r1]);
    expect(filtered.paging).toEqual({ total: 2, pageSize: 1, pageCount: 2, page: 2 });
  });

  it('filters by app', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const otherDid = (await team.addApp({ name: 'Other' })).did;
    const mine = await newRun(team);
    const other = await team.owner.syncs.create({ appDid: otherDid, source: 'a', target: 'b' });
    expect((await team.owner.syncs.list({ appDid: team.appDid })).items).toEqual([mine]);
    expect((await team.owner.syncs.list({ appDid: otherDid })).items.map((r) => r.id)).toEqual([
      other.id,
    ]);
  });
});

describe('sync runs bad input', () => {
  it('names the field', async () => {
    const team = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const { id } = await newRun(team);
    // Thunks: each call starts only when its rejection is awaited.
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => newRun(team, { actionType: 'app-delete' }), /^actionType:/],
      [() => newRun(team, { source: '   ' }), /^source:/],
      [() => newRun(team, { totalCount: -1 }), /^totalCount:/],
      [() => newRun(team, { status: 'finished' }), /^status:/],
      [() => team.owner.syncs.update({ id, size: 1.5 }), /^size:/],
      [() => team.owner.syncs.get({ id: '42' }), /^id:/],
      [() => team.owner.syncs.list({ status: ['running', 'nope' as never] }), /^status/],
      [() => team.owner.syncs.list({ status: [] }), /^status/],
      [() => team.owner.syncs.list({ sort: 'name' as never }), /^sort:/],
      [() => team.owner.syncs.list({ order: 'up' as never }), /^order:/],
      [() => team.owner.syncs.list({ pageSize: 101 }), /^pageSize:/],
      [() => team.owner.syncs.list({ page: 0 }), /^page:/],
    ];
    for (const [call, message] of cases) {
      await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    }
    await expect(newRun(team, { appDid: 'zMissing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^appDid:/),
    });
  });
});

describe('sync runs isolation', () => {
  it('never shows or changes one team’s runs to another, through any procedure', async () => {
    const a = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const b = await api.newTeamWithApp({ name: 'Synced app', description: 'a website' });
    const run = await newRun(a, { status: 'running' });
    const notFound = { code: 'NOT_FOUND' };

    await expect(b.owner.syncs.get({ id: run.id })).rejects.toMatchObject(notFound);
    await expect(b.owner.syncs.update({ id: run.id, status: 'canceled' })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      b.owner.syncs.create({ appDid: a.appDid, source: 'a', target: 'b' }),
    ).rejects.toMatchObject({ ...notFound, message: expect.stringMatching(/^appDid:/) });
    await expect(b.owner.syncs.list({ appDid: a.appDid })).rejects.toMatchObject(notFound);
    expect(await b.owner.syncs.list({})).toEqual({
      items: [],
      paging: { total: 0, pageSize: 10, pageCount: 0, page: 1 },
    });

    expect(await a.owner.syncs.get({ id: run.id })).toEqual(run);
    expect(await systemEventsOfRun(api.database, b.id, run.id)).toEqual([]);
  });
});
