import {
  and,
  apps,
  backupPlans,
  eq,
  getTableColumns,
  type Db,
  type DbTransaction,
  type InferSelectModel,
  type SQL,
} from '@opsledger/db';
import type { BackupPlan } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { isoInstant, isoInstantOrNull } from '../sql-instant';

export type BackupPlanRow = InferSelectModel<typeof backupPlans> & { appDid: string };

export const selectBackupPlans = (db: Db | DbTransaction) =>
  db
    .select({ ...getTableColumns(backupPlans), appDid: apps.did })
    .from(backupPlans)
    .innerJoin(apps, and(eq(apps.teamId, backupPlans.teamId), eq(apps.id, backupPlans.appId)));

export const backupPlanOfTeam = (ctx: ServiceContext, where: SQL | undefined) =>
  and(eq(backupPlans.teamId, ctx.caller.team.id), where);

export const backupPlanNotFound = (id: string) => notFound(`id: backup plan ${id}`);

export const backupPlanFromRow = (row: BackupPlanRow): BackupPlan => ({
  id: row.id,
  appDid: row.appDid,
  source: row.source,
  target: row.target,
  schedule: row.schedule,
  enabled: row.enabled,
  nextRunAt: isoInstantOrNull(row.nextRunAt),
  createdAt: isoInstant(row.createdAt),
  updatedAt: isoInstant(row.updatedAt),
});

export async function findBackupPlan(ctx: ServiceContext, id: string) {
  const [row] = await selectBackupPlans(ctx.database.db).where(
    backupPlanOfTeam(ctx, eq(backupPlans.id, id)),
  );
  if (!row) throw backupPlanNotFound(id);
  return row;
}
