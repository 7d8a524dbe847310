import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Backup } from '@opsledger/domain';

import { systemEventsOfRun } from '../services/runs/run-events.testing';
import { createTestApi, type TestTeamWithApp } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const newBackup = (team: TestTeamWithApp, extra: object = {}) =>
  team.owner.backups.create({
    appDid: team.appDid,
    sourceUrl: 'file:///data/app',
    target: 'spaces',
    ...extra,
  });

/** Moves a backup's times to fixed instants, as if it had run then. */
async function setTimes(id: string, times: { createdAt?: string; finishedAt?: string }) {
  await api.database.query(
    `update backups set created_at = coalesce($2::text::timestamptz, created_at),
                        finished_at = coalesce($3::text::timestamptz, finished_at)
      where id = $1`,
    [id, times.createdAt ?? null, times.finishedAt ?? null],
  );
}

describe('backups status machine', () => {
  it('creates a backup in its initial state and records the creation as a system event', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const backup = await newBackup(team, { strategy: 1, message: 'queued by schedule' });
    expect(backup).toMatchObject({
      appDid: team.appDid,
      status: 'initial',
      progress: 0,
      strategy: 1,
      startedAt: null,
      finishedAt: null,
    });
    expect(await team.owner.backups.get({ id: backup.id })).toEqual(backup);
    expect(await systemEventsOfRun(api.database, team.id, backup.id)).toEqual([
      {
        module: 'Backup',
        name: 'BackupCreated',
        body: { status: 'initial', message: 'queued by schedule' },
      },
    ]);
  });

  it('walks initial -> pending -> running -> succeeded, one event per transition', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const backup = await newBackup(team);
    const pending = await team.owner.backups.update({ id: backup.id, status: 'pending' });
    expect(pending.startedAt).toBeNull();
    const running = await team.owner.backups.update({ id: backup.id, status: 'running' });
    expect(running.startedAt).not.toBeNull();
    expect(running.finishedAt).toBeNull();

    // Progress within a status is an update, not a transition: no event.
    const halfway = await team.owner.backups.update({ id: backup.id, progress: 50 });
    expect(halfway).toMatchObject({ status: 'running', progress: 50 });

    const done = await team.owner.backups.update({
      id: backup.id,
      status: 'succeeded',
      targetUrl: 'https://spaces.example/backups/1',
      message: 'all files copied',
    });
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: 100,
      startedAt: running.startedAt,
      targetUrl: 'https://spaces.example/backups/1',
      message: 'all files copied',
    });
    expect(done.finishedAt).not.toBeNull();

    const events = await systemEventsOfRun(api.database, team.id, backup.id);
    expect(events.map((e) => e.name)).toEqual([
      'BackupCreated',
      'BackupPending',
      'BackupRunning',
      'BackupSucceeded',
    ]);
    expect(events.every((e) => e.module === 'Backup')).toBe(true);
    expect(events[3]?.body).toMatchObject({ status: 'succeeded', message: 'all files copied' });
  });

  it('lets a run skip steps: pending straight to succeeded', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const backup = await newBackup(team, { status: 'pending' });
    const done = await team.owner.backups.update({ id: backup.id, status: 'SUCCESS' });
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, startedAt: null });
    expect(done.finishedAt).not.toBeNull();
    expect((await systemEventsOfRun(api.database, team.id, backup.id)).map((e) => e.name)).toEqual([
      'BackupCreated',
      'BackupSucceeded',
    ]);
  });

  it('rejects illegal moves with a 409 on status, changing nothing and recording nothing', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const backup = await newBackup(team, { status: 'running' });
    await expect(
      team.owner.backups.update({ id: backup.id, status: 'pending' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^status:/) });

    const done = await team.owner.backups.update({ id: backup.id, status: 'failed' });
    for (const status of ['pending', 'running', 'succeeded', 'canceled'] as const) {
      await expect(team.owner.backups.update({ id: backup.id, status })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/^status: cannot move from failed to /),
      });
    }
    await expect(
      team.owner.backups.update({ id: backup.id, message: 'late note' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^status:/) });

    expect(await team.owner.backups.get({ id: backup.id })).toEqual(done);
    expect((await systemEventsOfRun(api.database, team.id, backup.id)).map((e) => e.name)).toEqual([
      'BackupCreated',
      'BackupFailed',
    ]);
  });

  it('answers a repeated terminal status as a no-op, since clients retry', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const backup = await newBackup(team);
    const done = await team.owner.backups.update({ id: backup.id, status: 'succeeded' });
    const again = await team.owner.backups.update({
      id: backup.id,
      status: 'succeeded',
      message: 'retried',
    });
    expect(again).toEqual(done);
    expect(await systemEventsOfRun(api.database, team.id, backup.id)).toHaveLength(2);
  });

  it('returns the same backup for a retried create with an idempotency key', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const first = await newBackup(team, { idempotencyKey: 'nightly-2026-11-23' });
    const retry = await newBackup(team, { idempotencyKey: 'nightly-2026-11-23' });
    expect(retry).toEqual(first);
    expect((await team.owner.backups.list({})).items).toHaveLength(1);
    expect(await systemEventsOfRun(api.database, team.id, first.id)).toHaveLength(1);

    // Retries that race each other still make one backup.
    const racing = await Promise.all(
      [1, 2, 3].map(() => newBackup(team, { idempotencyKey: 'race' })),
    );
    expect(new Set(racing.map((b) => b.id)).size).toBe(1);
    expect((await team.owner.backups.list({})).items).toHaveLength(2);
  });

  it('lets viewers read but not write', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const backup = await newBackup(team);
    const viewer = await team.as('viewer');
    expect((await viewer.backups.get({ id: backup.id })).id).toBe(backup.id);
    await expect(viewer.backups.update({ id: backup.id, status: 'pending' })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    const service = await team.as('service');
    expect((await service.backups.update({ id: backup.id, status: 'pending' })).status).toBe(
      'pending',
    );
  });
});

describe('backups list', () => {
  it('pages newest first by keyset, even across rows created in the same millisecond', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const created: Backup[] = [];
    for (let i = 0; i < 5; i++) created.push(await newBackup(team, { message: `#${i}` }));
    // Three share one millisecond: a page boundary falls inside it.
    const [b0, b1, b2, b3, b4] = created.map((b) => b.id) as [string, ...string[]];
    await setTimes(b0, { createdAt: '2026-01-01T00:00:00.000Z' });
    for (const id of [b1, b2, b3])
      await setTimes(id as string, { createdAt: '2026-01-02T00:00:00.000Z' });
    await setTimes(b4 as string, { createdAt: '2026-01-03T00:00:00.000Z' });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await team.owner.backups.list({ limit: 2, cursor });
      seen.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const tied = [b1, b2, b3].sort().reverse();
    expect(seen).toEqual([b4, ...tied, b0]);
  });

  it('filters by app and by creation time', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const otherDid = (await team.addApp({ name: 'Other' })).did;
    const old = await newBackup(team);
    const recent = await newBackup(team);
    const other = await team.owner.backups.create({
      appDid: otherDid,
      sourceUrl: 'x',
      target: 'disk',
    });
    await setTimes(old.id, { createdAt: '2026-02-01T10:00:00.000Z' });
    await setTimes(recent.id, { createdAt: '2026-02-10T10:00:00.000Z' });
    await setTimes(other.id, { createdAt: '2026-02-10T11:00:00.000Z' });

    const ofApp = await team.owner.backups.list({ appDid: team.appDid });
    expect(ofApp.items.map((b) => b.id)).toEqual([recent.id, old.id]);
    const ofOther = await team.owner.backups.list({ appDid: `did:abt:${otherDid}` });
    expect(ofOther.items.map((b) => b.id)).toEqual([other.id]);
    const inFebruaryFirstWeek = await team.owner.backups.list({
      from: '2026-02-01T00:00:00Z',
      to: '2026-02-07T00:00:00+00:00',
    });
    expect(inFebruaryFirstWeek).toEqual({
      items: [{ ...old, createdAt: '2026-02-01T10:00:00.000Z' }],
      nextCursor: null,
    });
  });
});

describe('backups summary', () => {
  async function finishedAt(team: TestTeamWithApp, status: string, at: string) {
    const backup = await newBackup(team, { status });
    await setTimes(backup.id, { finishedAt: at });
  }

  it('counts successes and errors per day, cutting days in the caller time zone', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    await finishedAt(team, 'succeeded', '2026-03-10T23:30:00.000Z');
    await finishedAt(team, 'failed', '2026-03-11T01:00:00.000Z');
    await finishedAt(team, 'succeeded', '2026-03-11T12:00:00.000Z');
    await finishedAt(team, 'canceled', '2026-03-11T13:00:00.000Z');
    await finishedAt(team, 'succeeded', '2026-03-20T12:00:00.000Z'); // outside the window
    const window = { from: '2026-03-10T00:00:00Z', to: '2026-03-12T00:00:00Z' };

    expect(await team.owner.backups.summary({ ...window, timeZone: 'UTC' })).toEqual({
      summary: [
        { date: '2026-03-10', successCount: 1, errorCount: 0 },
        { date: '2026-03-11', successCount: 1, errorCount: 1 },
      ],
    });
    // UTC+9: everything falls on the 11th.
    expect(await team.owner.backups.summary({ ...window, timeZone: 'Asia/Tokyo' })).toEqual({
      summary: [{ date: '2026-03-11', successCount: 2, errorCount: 1 }],
    });
    // UTC-7 (daylight time began on March 8): the 01:00Z failure is still the 10th.
    expect(
      await team.owner.backups.summary({ ...window, timeZone: 'America/Los_Angeles' }),
    ).toEqual({
      summary: [
        { date: '2026-03-10', successCount: 1, errorCount: 1 },
        { date: '2026-03-11', successCount: 1, errorCount: 0 },
      ],
    });
  });

  it('covers the last 30 days by default and filters by app', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const day = 24 * 60 * 60 * 1000;
    const twoDaysAgo = new Date(Date.now() - 2 * day).toISOString();
    await finishedAt(team, 'succeeded', twoDaysAgo);
    await finishedAt(team, 'failed', new Date(Date.now() - 40 * day).toISOString());
    expect(await team.owner.backups.summary({})).toEqual({
      summary: [{ date: twoDaysAgo.slice(0, 10), successCount: 1, errorCount: 0 }],
    });
    const otherDid = (await team.addApp({ name: 'Quiet' })).did;
    expect(await team.owner.backups.summary({ appDid: otherDid })).toEqual({ summary: [] });
  });
});

describe('backups bad input', () => {
  it.each([
    ['an unknown status', { status: 'done' }, /^status:/],
    ['a strategy out of range', { strategy: 300 }, /^strategy:/],
    ['a malformed app DID', { appDid: 'not a did' }, /^appDid:/],
    ['a NUL in the source URL', { sourceUrl: 'a\u0000b' }, /^sourceUrl:/],
  ])('refuses a create with %s, naming the field', async (_, patch, message) => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    await expect(newBackup(team, patch)).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
  });

  it('names the field of bad updates, lists and summaries', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    const { id } = await newBackup(team);
    // Thunks: each call starts only when its rejection is awaited.
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => team.owner.backups.update({ id, progress: 101 }), /^progress:/],
      [() => team.owner.backups.get({ id: 'nope' }), /^id:/],
      [() => team.owner.backups.list({ limit: 101 }), /^limit:/],
      [() => team.owner.backups.list({ cursor: 'garbage!' }), /^cursor:/],
      [
        () =>
          team.owner.backups.list({
            cursor: Buffer.from(JSON.stringify(['id1', 'yesterday', id])).toString('base64url'),
          }),
        /^cursor:/,
      ],
      [
        () => team.owner.backups.list({ from: '2026-02-02T00:00:00Z', to: '2026-02-01T00:00:00Z' }),
        /^to:/,
      ],
      [() => team.owner.backups.summary({ timeZone: 'Mars/Olympus' }), /^timeZone:/],
    ];
    for (const [call, message] of cases) {
      await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    }
  });

  it('answers 404 naming appDid for an app the team does not have', async () => {
    const team = await api.newTeamWithApp({ name: 'Backed up app' });
    await expect(newBackup(team, { appDid: 'zNoSuchApp' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^appDid:/),
    });
    await expect(team.owner.backups.update({ id: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^id:/),
    });
  });
});

describe('backups isolation', () => {
  it('never shows or changes one team’s backups to another, through any procedure', async () => {
    const a = await api.newTeamWithApp({ name: 'Backed up app' });
    const b = await api.newTeamWithApp({ name: 'Backed up app' });
    const backup = await newBackup(a, { status: 'running' });
    await a.owner.backups.update({ id: backup.id, status: 'succeeded' });
    const before = await a.owner.backups.get({ id: backup.id });

    const notFound = { code: 'NOT_FOUND' };
    await expect(b.owner.backups.get({ id: backup.id })).rejects.toMatchObject(notFound);
    await expect(
      b.owner.backups.update({ id: backup.id, status: 'succeeded' }),
    ).rejects.toMatchObject(notFound);
    await expect(
      b.owner.backups.create({ appDid: a.appDid, sourceUrl: 'x', target: 'y' }),
    ).rejects.toMatchObject({ ...notFound, message: expect.stringMatching(/^appDid:/) });
    await expect(b.owner.backups.list({ appDid: a.appDid })).rejects.toMatchObject(notFound);
    await expect(b.owner.backups.summary({ appDid: a.appDid })).rejects.toMatchObject(notFound);
    expect(await b.owner.backups.list({})).toEqual({ items: [], nextCursor: null });
    expect(await b.owner.backups.summary({})).toEqual({ summary: [] });

    expect(await a.owner.backups.get({ id: backup.id })).toEqual(before);
    expect((await a.owner.backups.summary({})).summary).toHaveLength(1);
    expect(await systemEventsOfRun(api.database, b.id, backup.id)).toEqual([]);
  });
});
