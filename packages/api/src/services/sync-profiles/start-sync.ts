import { JOB_KINDS, type StartSyncInput, type SyncRun } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { enqueueRun, type RunJob } from '../jobs/enqueue-run';
import { recordPendingSyncRun } from '../sync-runs/record-pending-sync-run';
import { findSyncProfile, type SyncProfileRow } from './sync-profile-rows';

/** The job that syncs a profile (on demand or by its schedule), with the run it reports on. */
export function syncJob(profile: SyncProfileRow): RunJob<SyncRun> {
  return {
    kind: JOB_KINDS.sync,
    runKind: 'sync',
    record: (ctx, jobId) =>
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
  };
}

/** Queues a sync of a profile, its run recorded pending with it. */
export async function startSync({ ctx, input }: { ctx: ServiceContext; input: StartSyncInput }) {
  return enqueueRun(ctx, syncJob(await findSyncProfile(ctx, input.profileId, 'profileId')));
}
