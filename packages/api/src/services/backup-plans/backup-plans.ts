import { randomUUID } from 'node:crypto';

import { asc, backupPlans, eq } from '@opsledger/db';
import type {
  BackupPlan,
  BackupPlanRef,
  CreateBackupPlanInput,
  ScheduleBackupPlanInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';
import { nextRunOf } from '../schedules/cron-schedule';
import {
  backupPlanFromRow,
  backupPlanNotFound,
  backupPlanOfTeam,
  findBackupPlan,
  selectBackupPlans,
} from './backup-plan-rows';

/** When an enabled plan fires next; a disabled one never does (the scheduler skips nulls). */
function nextRunAt(schedule: string, enabled: boolean, now: Date) {
  // Checked while disabled too: a plan never holds a schedule that could not fire.
  const next = nextRunOf(schedule, now);
  return enabled ? next : null;
}

export async function createBackupPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateBackupPlanInput;
}): Promise<BackupPlan> {
  const app = await findAppByDid(ctx, input.appDid);
  const now = new Date();
  const [row] = await ctx.database.db
    .insert(backupPlans)
    .values({
      teamId: ctx.caller.team.id,
      id: randomUUID(),
      appId: app.id,
      source: input.source,
      target: input.target,
      schedule: input.schedule,
      enabled: input.enabled,
      nextRunAt: nextRunAt(input.schedule, input.enabled, now),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning();
  if (!row) throw new Error('the backup plan was not stored');
  return backupPlanFromRow({ ...row, appDid: app.did });
}

/** A new schedule fires next from now; disabling stops the plan, enabling resumes it from now. */
export async function scheduleBackupPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ScheduleBackupPlanInput;
}): Promise<BackupPlan> {
  const current = await findBackupPlan(ctx, input.id);
  const now = new Date();
  const schedule = input.schedule ?? current.schedule;
  const enabled = input.enabled ?? current.enabled;
  const [row] = await ctx.database.db
    .update(backupPlans)
    .set({
      schedule,
      enabled,
      nextRunAt: nextRunAt(schedule, enabled, now),
      updatedAt: now.toISOString(),
    })
    .where(backupPlanOfTeam(ctx, eq(backupPlans.id, input.id)))
    .returning();
  if (!row) throw backupPlanNotFound(input.id);
  return backupPlanFromRow({ ...row, appDid: current.appDid });
}

export async function listBackupPlans({ ctx }: { ctx: ServiceContext }): Promise<BackupPlan[]> {
  const rows = await selectBackupPlans(ctx.database.db)
    .where(backupPlanOfTeam(ctx, undefined))
    .orderBy(asc(backupPlans.createdAt), asc(backupPlans.id));
  return rows.map(backupPlanFromRow);
}

export async function getBackupPlan({ ctx, input }: { ctx: ServiceContext; input: BackupPlanRef }) {
  return backupPlanFromRow(await findBackupPlan(ctx, input.id));
}

/** Removes the plan; the backups it made stay (they name it in their metadata). */
export async function deleteBackupPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: BackupPlanRef;
}): Promise<{ id: string }> {
  const [row] = await ctx.database.db
    .delete(backupPlans)
    .where(backupPlanOfTeam(ctx, eq(backupPlans.id, input.id)))
    .returning({ id: backupPlans.id });
  if (!row) throw backupPlanNotFound(input.id);
  return row;
}
