import {
  and,
  apps,
  eq,
  getTableColumns,
  syncProfiles,
  type Db,
  type DbTransaction,
  type InferSelectModel,
  type SQL,
} from '@opsledger/db';
import type { SyncProfile } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { isoInstant, isoInstantOrNull } from '../sql-instant';

export type SyncProfileRow = InferSelectModel<typeof syncProfiles> & { appDid: string };

export const selectSyncProfiles = (db: Db | DbTransaction) =>
  db
    .select({ ...getTableColumns(syncProfiles), appDid: apps.did })
    .from(syncProfiles)
    .innerJoin(apps, and(eq(apps.teamId, syncProfiles.teamId), eq(apps.id, syncProfiles.appId)));

export const syncProfileOfTeam = (ctx: ServiceContext, where: SQL | undefined) =>
  and(eq(syncProfiles.teamId, ctx.caller.team.id), where);

export const syncProfileNotFound = (id: string, field = 'id') =>
  notFound(`${field}: sync profile ${id}`);

export const syncProfileFromRow = (row: SyncProfileRow): SyncProfile => ({
  id: row.id,
  appDid: row.appDid,
  source: row.source,
  target: row.target,
  deleteMissing: row.deleteMissing,
  schedule: row.schedule,
  nextRunAt: isoInstantOrNull(row.nextRunAt),
  createdAt: isoInstant(row.createdAt),
  updatedAt: isoInstant(row.updatedAt),
});

export async function findSyncProfile(ctx: ServiceContext, id: string, field = 'id') {
  const [row] = await selectSyncProfiles(ctx.database.db).where(
    syncProfileOfTeam(ctx, eq(syncProfiles.id, id)),
  );
  if (!row) throw syncProfileNotFound(id, field);
  return row;
}
