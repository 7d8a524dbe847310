import {
  and,
  apps,
  eq,
  getTableColumns,
  syncRuns,
  type Db,
  type DbTransaction,
  type InferSelectModel,
  type SQL,
} from '@opsledger/db';
import type { SyncRun } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { isoInstant } from '../sql-instant';

export type SyncRunRow = InferSelectModel<typeof syncRuns> & {
  appDid: string;
  appName: string;
  appDescription: string;
};

/** Sync runs with the app they belong to, joined within the team. */
export const selectSyncRuns = (db: Db | DbTransaction) =>
  db
    .select({
      ...getTableColumns(syncRuns),
      appDid: apps.did,
      appName: apps.name,
      appDescription: apps.description,
    })
    .from(syncRuns)
    .innerJoin(apps, and(eq(apps.teamId, syncRuns.teamId), eq(apps.id, syncRuns.appId)));

/** Narrows `where` to the caller's team; another team's run is as absent as a missing one. */
export const syncRunOfTeam = (ctx: ServiceContext, where: SQL | undefined) =>
  and(eq(syncRuns.teamId, ctx.caller.team.id), where);

export const syncRunNotFound = (id: string) => notFound(`id: sync run ${id}`);

export const syncRunFromRow = (row: SyncRunRow): SyncRun => ({
  id: row.id,
  appDid: row.appDid,
  appName: row.appName,
  appDescription: row.appDescription,
  actionType: row.actionType,
  status: row.status,
  reason: row.reason,
  source: row.source,
  target: row.target,
  metadata: row.metadata,
  userId: row.userId,
  username: row.username,
  totalCount: row.totalCount,
  successCount: row.successCount,
  errorCount: row.errorCount,
  size: row.size,
  duration: row.duration,
  createdAt: isoInstant(row.createdAt),
  updatedAt: isoInstant(row.updatedAt),
});
