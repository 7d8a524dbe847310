import { eq, syncRuns } from '@opsledger/db';
import type { SyncRun, SyncRunRef } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { selectSyncRuns, syncRunFromRow, syncRunNotFound, syncRunOfTeam } from './sync-run-rows';

export async function getSyncRun({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SyncRunRef;
}): Promise<SyncRun> {
  const [row] = await selectSyncRuns(ctx.database.db).where(
    syncRunOfTeam(ctx, eq(syncRuns.id, input.id)),
  );
  if (!row) throw syncRunNotFound(input.id);
  return syncRunFromRow(row);
}
