import { JOB_KINDS, type StartSyncInput, type SyncRun } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { enqueueRun } from '../jobs/enqueue-run';
import { recordPendingSyncRun } from '../sync-runs/record-pending-sync-run';
import { findSyncProfile, type SyncProfileRow } from './sync-profile-rows';

/** Queues a sync of a profile (on demand or by its schedule), its run recorded pending first. */
export function enqueueSync(
  ctx: ServiceContext,
  profile: SyncProfileRow,
): Promise<{ jobId: string; run: SyncRun }> {
  return enqueueRun(ctx, {
    kind: JOB_KINDS.sync,
    runKind: 'sync',
    record: (jobId) =>
      recordPendingSyncRun(ctx, {
        appDid: profile.appDid,
        actionType: 'app-objects-sync',
        source: profile.source,
        target: profile.target,
        metadata: { profileId: profile.id, jobId },
      }),
    data: {
      profileId: profile.id,
      appDid: profile.appDid,
      source: profile.source,
      target: profile.target,
      deleteMissing: profile.deleteMissing,
    },
  });
}

export async function startSync({ ctx, input }: { ctx: ServiceContext; input: StartSyncInput }) {
  return enqueueSync(ctx, await findSyncProfile(ctx, input.profileId, 'profileId'));
}
