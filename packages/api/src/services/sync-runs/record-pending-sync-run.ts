import type { CreateSyncRunInput, SyncRun } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { createSyncRun } from './create-sync-run';

/** A sync run (objects sync or restore) a queued job will perform: pending, nothing counted yet. */
export function recordPendingSyncRun(
  ctx: ServiceContext,
  run: Pick<CreateSyncRunInput, 'appDid' | 'actionType' | 'source' | 'target' | 'metadata'>,
): Promise<SyncRun> {
  return createSyncRun({
    ctx,
    input: {
      ...run,
      status: 'pending',
      totalCount: 0,
      successCount: 0,
      errorCount: 0,
      size: 0,
      duration: 0,
    },
  });
}
