import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { and, eq, sql, syncProfiles } from '@opsledger/db';

import { runDueSchedules } from '../services/schedules/run-due-schedules';
import { createTestApi, type TestTeamWithApp } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi({
    jobs: { leaseSeconds: 1, retryLimit: 1, retryDelaySeconds: 1, sweepIntervalMs: 200 },
  });
});
afterAll(() => api.close());

const profileOf = async (team: TestTeamWithApp) =>
  team.owner.syncProfiles.create({ appDid: team.appDid, source: '/srv/a', target: '/srv/b' });

const claim = (team: TestTeamWithApp, waitMs = 0) =>
  team.owner.jobs.claim({ workerId: 'w1', kinds: ['sync'], waitMs });

describe('the job queue', () => {
  it('hands a started sync to one claimer, which completes it', async () => {
    const team = await api.newTeamWithApp({ name: 'App' });
    const profile = await profileOf(team);
    const started = await team.owner.syncs.start({ profileId: profile.id });
    expect(started.run.status).toBe('pending');

    const job = await claim(team);
    expect(job).toMatchObject({ id: started.jobId, kind: 'sync', attempt: 1 });
    expect(job?.data).toMatchObject({
      run: { kind: 'sync', id: started.run.id },
      source: '/srv/a',
    });
    // Nobody else gets it while it is held.
    expect(await claim(team)).toBeNull();
    const lease = { id: started.jobId, leaseToken: job?.leaseToken ?? '' };
    await team.owner.jobs.heartbeat(lease);
    await team.owner.jobs.complete({ ...lease, output: { ok: true } });
    expect(await team.owner.jobs.get({ id: started.jobId })).toMatchObject({ state: 'completed' });
    await expect(team.owner.jobs.complete(lease)).rejects.toThrow(/lease on job .* is lost/);
  });

  it("never shows a job to another team's worker", async () => {
    const team = await api.newTeamWithApp({ name: 'App' });
    const other = await api.newTeamWithApp({ name: 'Other' });
    await team.owner.syncs.start({ profileId: (await profileOf(team)).id });
    expect(await claim(other, 300)).toBeNull();
    await expect(
      other.owner.syncs.start({ profileId: (await profileOf(team)).id }),
    ).rejects.toThrow(/profileId: sync profile .* not found/);
  });

  it('reclaims a job whose worker stopped heartbeating, and fails it with its run after the last retry', async () => {
    const team = await api.newTeamWithApp({ name: 'App' });
    const started = await team.owner.syncs.start({ profileId: (await profileOf(team)).id });
    const first = await claim(team);
    expect(first?.attempt).toBe(1);
    // Silent past its lease: swept, retried after the backoff.
    const second = await claim(team, 10_000);
    expect(second).toMatchObject({ id: started.jobId, attempt: 2 });
    await expect(
      team.owner.jobs.heartbeat({ id: started.jobId, leaseToken: first?.leaseToken ?? '' }),
    ).rejects.toThrow(/lost/);
    await team.owner.jobs.fail({
      id: started.jobId,
      leaseToken: second?.leaseToken ?? '',
      error: 'disk full',
    });
    const info = await team.owner.jobs.get({ id: started.jobId });
    expect(info).toMatchObject({ state: 'failed', lastError: 'disk full' });
    const run = await team.owner.syncs.get({ id: started.run.id });
    expect(run.status).toBe('failed');
    expect(run.reason).toMatch(/disk full/);
  });

  it('refuses a schedule that is not cron, naming the field', async () => {
    const team = await api.newTeamWithApp({ name: 'App' });
    await expect(
      team.owner.syncProfiles.create({
        appDid: team.appDid,
        source: '/a',
        target: '/b',
        schedule: 'every day',
      }),
    ).rejects.toThrow(/^schedule: /);
    const profile = await team.owner.syncProfiles.create({
      appDid: team.appDid,
      source: '/a',
      target: '/b',
      schedule: '*/5 * * * *',
    });
    expect(profile.nextRunAt).not.toBeNull();
    const updated = await team.owner.syncProfiles.update({ id: profile.id, schedule: null });
    expect(updated).toMatchObject({ schedule: null, nextRunAt: null });
  });

  it('fires a due sync profile once: its run pending, its sync job queued', async () => {
    const team = await api.newTeamWithApp({ name: 'App' });
    const profile = await team.owner.syncProfiles.create({
      appDid: team.appDid,
      source: '/srv/a',
      target: '/srv/b',
      schedule: '*/5 * * * *',
    });
    await api.database.db
      .update(syncProfiles)
      .set({ nextRunAt: sql`now() - interval '1 hour'` })
      .where(and(eq(syncProfiles.teamId, team.id), eq(syncProfiles.id, profile.id)));

    await runDueSchedules(api.database);
    await runDueSchedules(api.database);

    const runs = (await team.owner.syncs.list({})).items.filter(
      (run) => run.metadata?.profileId === profile.id,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'pending', source: '/srv/a', target: '/srv/b' });
    const job = await team.owner.jobs.get({ id: runs[0]?.metadata?.jobId as string });
    expect(job).toMatchObject({ kind: 'sync', state: 'created' });
    const { nextRunAt } = await team.owner.syncProfiles.get({ id: profile.id });
    expect(Date.parse(nextRunAt ?? '')).toBeGreaterThan(Date.now());
  });
});
