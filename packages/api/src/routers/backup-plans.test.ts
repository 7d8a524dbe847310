import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { and, backupPlans, eq, sql, type Database } from '@opsledger/db';
import { createTestDatabase } from '@opsledger/db/testing';

import { jobQueueOf, type JobQueue } from '../jobs/job-queue';
import { startJobs } from '../jobs/start-jobs';
import { FIRING_ATTEMPTS } from '../services/schedules/firing-failures';
import { runDueSchedules } from '../services/schedules/run-due-schedules';
import { createTestApi, type TestTeamWithApp } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
/**
 * A second API process on PostgreSQL: its own connection and its own job queue, so whichever
 * process's sweep wins the plan can queue its job. PGlite has one, shared in-process.
 */
let second: Database;
let secondQueue: JobQueue | null = null;
// A schedule sweep far apart from the test's own: the test fires due plans itself.
const jobs = { scheduleIntervalMs: 3_600_000 };
beforeAll(async () => {
  api = await createTestApi({ jobs });
  second = api.database;
  if (process.env.DATABASE_URL) {
    second = await createTestDatabase();
    secondQueue = await startJobs(second, jobs);
  }
});
afterAll(async () => {
  await secondQueue?.stop();
  if (second !== api.database) await second.close();
  await api.close();
});

const planOf = (team: TestTeamWithApp, schedule = '0 3 * * *') =>
  team.owner.backupPlans.create({
    appDid: team.appDid,
    source: '/srv/site',
    target: '/srv/backups',
    schedule,
  });

/** Makes a plan due now, as if its next run had come (a test does not wait for a cron). */
async function makeDue(teamId: string, id: string, ago = sql`interval '1 minute'`) {
  await api.database.db
    .update(backupPlans)
    .set({ nextRunAt: sql`now() - ${ago}` })
    .where(and(eq(backupPlans.teamId, teamId), eq(backupPlans.id, id)));
}

/** Runs `work` while this process has no job queue (stopped, as during a shutdown). */
async function withQueueStopped(work: () => Promise<void>) {
  await jobQueueOf(api.database).stop();
  try {
    await work();
  } finally {
    await startJobs(api.database, jobs);
  }
}

const backupsOfPlan = async (team: TestTeamWithApp, planId: string) =>
  (await team.owner.backups.list({})).items.filter((b) => b.metadata.planId === planId);

describe('backup plans', () => {
  it('are created, listed, rescheduled, disabled and deleted', async () => {
    const team = await api.newTeamWithApp({ name: 'Plans' });
    const plan = await planOf(team);
    expect(plan).toMatchObject({ schedule: '0 3 * * *', enabled: true, source: '/srv/site' });
    expect(plan.nextRunAt).not.toBeNull();
    expect(await team.owner.backupPlans.list()).toEqual([plan]);

    const moved = await team.owner.backupPlans.schedule({ id: plan.id, schedule: '*/10 * * * *' });
    expect(moved).toMatchObject({ schedule: '*/10 * * * *', enabled: true });
    const off = await team.owner.backupPlans.schedule({ id: plan.id, enabled: false });
    expect(off).toMatchObject({ schedule: '*/10 * * * *', enabled: false, nextRunAt: null });
    const on = await team.owner.backupPlans.schedule({ id: plan.id, enabled: true });
    expect(on.nextRunAt).not.toBeNull();

    expect(await team.owner.backupPlans.delete({ id: plan.id })).toEqual({ id: plan.id });
    expect(await team.owner.backupPlans.list()).toEqual([]);
    await expect(team.owner.backupPlans.get({ id: plan.id })).rejects.toThrow(
      /^id: backup plan .* not found/,
    );
  });

  it('refuses a bad cron with a 400 naming the schedule, on create and on reschedule', async () => {
    const team = await api.newTeamWithApp({ name: 'Plans' });
    await expect(planOf(team, 'every night')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^schedule: /) as unknown,
    });
    await expect(planOf(team, '61 * * * *')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^schedule: /) as unknown,
    });
    const plan = await planOf(team);
    await expect(
      team.owner.backupPlans.schedule({ id: plan.id, schedule: '* * *' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^schedule: /) as unknown,
    });
    expect((await team.owner.backupPlans.get({ id: plan.id })).schedule).toBe('0 3 * * *');
  });

  it('is changed by managers only; members and viewers read it', async () => {
    const team = await api.newTeamWithApp({ name: 'Plans' });
    const plan = await planOf(team);
    for (const role of ['member', 'viewer', 'service'] as const) {
      const caller = await team.as(role);
      expect(await caller.backupPlans.list()).toHaveLength(1);
      await expect(caller.backupPlans.delete({ id: plan.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const other = await api.newTeamWithApp({ name: 'Other' });
    await expect(other.owner.backupPlans.get({ id: plan.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('fires a due plan exactly once with two API processes sweeping at once, then not again', async () => {
    const team = await api.newTeamWithApp({ name: 'Plans' });
    const plan = await planOf(team);
    const idle = await planOf(team);
    const disabled = await planOf(team);
    await team.owner.backupPlans.schedule({ id: disabled.id, enabled: false });
    await makeDue(team.id, plan.id);

    await Promise.all([runDueSchedules(api.database), runDueSchedules(second)]);

    const made = await backupsOfPlan(team, plan.id);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      status: 'pending',
      sourceUrl: '/srv/site',
      targetName: '/srv/backups',
    });
    expect(await backupsOfPlan(team, idle.id)).toEqual([]);
    expect(await backupsOfPlan(team, disabled.id)).toEqual([]);
    // Its next run moved on from the past one, so the next sweep leaves it alone.
    await runDueSchedules(api.database);
    expect(await backupsOfPlan(team, plan.id)).toHaveLength(1);
    // The queued job is the worker's backup of the plan's folders.
    const job = await team.owner.jobs.get({ id: made[0]?.metadata.jobId as string });
    expect(job).toMatchObject({ kind: 'backup', state: 'created' });
  });

  it('fires a plan whose runs were missed while no server was up once, then on its cron', async () => {
    const team = await api.newTeamWithApp({ name: 'Plans' });
    const plan = await planOf(team);
    // Due three days ago: three nightly slots passed while the server was down.
    await makeDue(team.id, plan.id, sql`interval '3 days'`);

    expect(await runDueSchedules(api.database)).toBeGreaterThanOrEqual(1);
    await runDueSchedules(api.database);

    expect(await backupsOfPlan(team, plan.id)).toHaveLength(1);
    const { nextRunAt } = await team.owner.backupPlans.get({ id: plan.id });
    expect(Date.parse(nextRunAt ?? '')).toBeGreaterThan(Date.now());
    expect(new Date(nextRunAt ?? '').toISOString()).toMatch(/T03:00:00\.000Z$/);
  });

  it('keeps a firing that could not start due, and fires it once on the next sweep', async () => {
    const team = await api.newTeamWithApp({ name: 'Plans' });
    const plan = await planOf(team);
    await makeDue(team.id, plan.id);
    const due = (await team.owner.backupPlans.get({ id: plan.id })).nextRunAt;

    await withQueueStopped(async () => {
      await runDueSchedules(api.database);
    });
    // Nothing half-done: no run without its job, and the plan is still due.
    expect(await backupsOfPlan(team, plan.id)).toEqual([]);
    expect((await team.owner.backupPlans.get({ id: plan.id })).nextRunAt).toBe(due);

    await runDueSchedules(api.database);
    await runDueSchedules(api.database);
    const made = await backupsOfPlan(team, plan.id);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ status: 'pending' });
    const job = await team.owner.jobs.get({ id: made[0]?.metadata.jobId as string });
    expect(job).toMatchObject({ kind: 'backup', state: 'created' });
  });

  it('records a firing that keeps failing as a failed backup with the reason, then moves on', async () => {
    const team = await api.newTeamWithApp({ name: 'Plans' });
    const plan = await planOf(team);
    await makeDue(team.id, plan.id);

    await withQueueStopped(async () => {
      for (let sweep = 1; sweep < FIRING_ATTEMPTS; sweep++) {
        await runDueSchedules(api.database);
        expect(await backupsOfPlan(team, plan.id)).toEqual([]);
      }
      await runDueSchedules(api.database);
    });

    const made = await backupsOfPlan(team, plan.id);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        new RegExp(
          `^the scheduled run due at .* could not start \\(${FIRING_ATTEMPTS} attempts\\): ` +
            'the job queue is not started on this database$',
        ),
      ) as unknown,
      metadata: { planId: plan.id, jobId: null },
    });
    // The slot is given up: the plan waits for its next run, the next sweep starts nothing.
    const { nextRunAt } = await team.owner.backupPlans.get({ id: plan.id });
    expect(Date.parse(nextRunAt ?? '')).toBeGreaterThan(Date.now());
    await runDueSchedules(api.database);
    expect(await backupsOfPlan(team, plan.id)).toHaveLength(1);
  });
});
