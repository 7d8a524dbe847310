import {
  and,
  apps,
  backups,
  eq,
  getTableColumns,
  type Db,
  type DbTransaction,
  type InferSelectModel,
  type SQL,
} from '@opsledger/db';
import type { Backup } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { isoInstant, isoInstantOrNull } from '../sql-instant';

export type BackupRow = InferSelectModel<typeof backups> & { appDid: string };

/** Backups with their app's DID, joined within the team. Callers add the team condition. */
export const selectBackups = (db: Db | DbTransaction) =>
  db
    .select({ ...getTableColumns(backups), appDid: apps.did })
    .from(backups)
    .innerJoin(apps, and(eq(apps.teamId, backups.teamId), eq(apps.id, backups.appId)));

/** The caller's backup matching `where`; another team's is as absent as a missing one. */
export const backupOfTeam = (ctx: ServiceContext, where: SQL | undefined) =>
  and(eq(backups.teamId, ctx.caller.team.id), where);

export const backupNotFound = (id: string) => notFound(`id: backup ${id}`);

export const backupFromRow = (row: BackupRow): Backup => ({
  id: row.id,
  appDid: row.appDid,
  userDid: row.userDid,
  strategy: row.strategy,
  sourceUrl: row.sourceUrl,
  target: row.target,
  targetName: row.targetName,
  targetUrl: row.targetUrl,
  status: row.status,
  message: row.message,
  progress: row.progress,
  metadata: row.metadata,
  createdAt: isoInstant(row.createdAt),
  updatedAt: isoInstant(row.updatedAt),
  startedAt: isoInstantOrNull(row.startedAt),
  finishedAt: isoInstantOrNull(row.finishedAt),
});
