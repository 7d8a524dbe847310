import { and, asc, count, desc, eq, inArray, syncRuns, type SQL } from '@opsledger/db';
import { pagingOf, type Paging, type SyncRun, type SyncRunListInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';
import { selectSyncRuns, syncRunFromRow, syncRunOfTeam } from './sync-run-rows';

const SORT_COLUMNS = {
  createdAt: syncRuns.createdAt,
  updatedAt: syncRuns.updatedAt,
  actionType: syncRuns.actionType,
  status: syncRuns.status,
  duration: syncRuns.duration,
  size: syncRuns.size,
} as const satisfies Record<SyncRunListInput['sort'], unknown>;

/** The caller's sync runs filtered by app, status and action type, sorted, offset-paged. */
export async function listSyncRuns({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SyncRunListInput;
}): Promise<{ items: SyncRun[]; paging: Paging }> {
  const conditions: SQL[] = [];
  if (input.appDid !== undefined) {
    conditions.push(eq(syncRuns.appId, (await findAppByDid(ctx, input.appDid)).id));
  }
  if (input.status !== undefined) conditions.push(inArray(syncRuns.status, input.status));
  if (input.actionType !== undefined) {
    conditions.push(inArray(syncRuns.actionType, input.actionType));
  }
  const where = syncRunOfTeam(ctx, and(...conditions));
  const direction = input.order === 'asc' ? asc : desc;

  const [rows, [total]] = await Promise.all([
    selectSyncRuns(ctx.database.db)
      .where(where)
      // The id keeps pages stable when many runs share a sort value.
      .orderBy(direction(SORT_COLUMNS[input.sort]), direction(syncRuns.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.database.db.select({ total: count() }).from(syncRuns).where(where),
  ]);
  return { items: rows.map(syncRunFromRow), paging: pagingOf(input, total?.total ?? 0) };
}
