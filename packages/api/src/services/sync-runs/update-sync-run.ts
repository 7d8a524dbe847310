import { eq, syncRuns } from '@opsledger/db';
import { isTerminal, type SyncRun, type UpdateSyncRunInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { writeRunChange } from '../runs/run-events';
import { checkRunTimes } from '../runs/run-times';
import { planStatusChange } from '../runs/status-change';
import { selectSyncRuns, syncRunFromRow, syncRunNotFound, syncRunOfTeam } from './sync-run-rows';

/**
 * Moves a sync run through its status machine and records its counts. The row is locked
 * while the move is judged, so concurrent reporters cannot both finish it.
 */
export async function updateSyncRun({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateSyncRunInput;
}): Promise<SyncRun> {
  const { finishedAt } = checkRunTimes(ctx, { finishedAt: input.finishedAt }, ['finishedAt']);
  return writeRunChange(ctx, async ({ db }, now) => {
    const [current] = await selectSyncRuns(db)
      .where(syncRunOfTeam(ctx, eq(syncRuns.id, input.id)))
      .for('update', { of: syncRuns });
    if (!current) throw syncRunNotFound(input.id);

    const change = planStatusChange('sync run', current.status, input.status);
    if (change.kind === 'retry') return { result: syncRunFromRow(current), event: null };

    const { status, changed } = change;
    const [row] = await db
      .update(syncRuns)
      .set({
        status,
        reason: input.reason,
        totalCount: input.totalCount,
        successCount: input.successCount,
        errorCount: input.errorCount,
        size: input.size,
        duration: input.duration,
        metadata: input.metadata,
        updatedAt: finishedAt ?? now,
      })
      .where(syncRunOfTeam(ctx, eq(syncRuns.id, input.id)))
      .returning();
    if (!row) throw syncRunNotFound(input.id);
    const run = syncRunFromRow({ ...current, ...row });
    return {
      result: run,
      event: changed
        ? {
            module: 'Sync',
            runId: run.id,
            change: status,
            status,
            facts: isTerminal(status)
              ? {
                  reason: run.reason,
                  totalCount: run.totalCount,
                  successCount: run.successCount,
                  errorCount: run.errorCount,
                }
              : { reason: input.reason },
          }
        : null,
    };
  });
}
