import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi } from '../../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('run records with their real times', () => {
  it('keeps the creation and finish times an import gives, and counts the backup on its day', async () => {
    const team = await api.newTeamWithApp({ name: 'App' });
    const createdAt = daysAgo(40);
    const finishedAt = new Date(Date.parse(createdAt) + 90_000).toISOString();
    const backup = await team.owner.backups.create({
      appDid: team.appDid,
      sourceUrl: '/srv/app',
      target: 'local',
      status: 'succeeded',
      createdAt,
      startedAt: createdAt,
      finishedAt,
    });
    expect(backup).toMatchObject({ createdAt, startedAt: createdAt, finishedAt });
    const { summary } = await team.owner.backups.summary({ from: daysAgo(45), timeZone: 'UTC' });
    expect(summary).toEqual([{ date: finishedAt.slice(0, 10), successCount: 1, errorCount: 0 }]);

    const run = await team.owner.syncs.create({
      appDid: team.appDid,
      source: '/a',
      target: '/b',
      status: 'succeeded',
      createdAt,
      finishedAt,
    });
    expect(run).toMatchObject({ createdAt, updatedAt: finishedAt });
  });

  it('refuses times outside the bounds or out of order, naming the field', async () => {
    const team = await api.newTeamWithApp({ name: 'App' });
    const base = { appDid: team.appDid, source: '/a', target: '/b' };
    await expect(
      team.owner.syncs.create({
        ...base,
        createdAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    ).rejects.toThrow(/^createdAt: must not be more than 5 minutes in the future/);
    await expect(
      team.owner.syncs.create({ ...base, createdAt: '1990-01-01T00:00:00Z' }),
    ).rejects.toThrow(/^createdAt: must not be more than 3650 days in the past/);
    await expect(
      team.owner.syncs.create({ ...base, createdAt: daysAgo(1), finishedAt: daysAgo(2) }),
    ).rejects.toThrow(/^finishedAt: must not be before createdAt/);
  });
});
