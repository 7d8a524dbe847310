import { JOB_KINDS, type StartSyncInput, type SyncRun } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { enqueueJob, newJobId } from '../jobs/enqueue-job';
import { createSyncRun } from '../sync-runs/create-sync-run';
import { updateSyncRun } from '../sync-runs/update-sync-run';
import { findSyncProfile, type SyncProfileRow } from './sync-profile-rows';

/**
 * Records the sync run pending, then queues the job that performs it: the run exists (and can
 * be watched) before any worker starts, and every retry of the job reports on the same run.
 */
export async function enqueueSync(
  ctx: ServiceContext,
  profile: SyncProfileRow,
): Promise<{ jobId: string; run: SyncRun }> {
  const jobId = newJobId();
  const run = await createSyncRun({
    ctx,
    input: {
      appDid: profile.appDid,
      actionType: 'app-objects-sync',
      source: profile.source,
      target: profile.target,
      status: 'pending',
      metadata: { profileId: profile.id, jobId },
      totalCount: 0,
      successCount: 0,
      errorCount: 0,
      size: 0,
      duration: 0,
    },
  });
  try {
    await enqueueJob(
      ctx,
      JOB_KINDS.sync,
      {
        run: { kind: 'sync', id: run.id },
        profileId: profile.id,
        appDid: profile.appDid,
        source: profile.source,
        target: profile.target,
        deleteMissing: profile.deleteMissing,
      },
      jobId,
    );
  } catch (error) {
    await updateSyncRun({
      ctx,
      input: { id: run.id, status: 'failed', reason: 'the job could not be queued' },
    });
    throw error;
  }
  return { jobId, run };
}

export async function startSync({ ctx, input }: { ctx: ServiceContext; input: StartSyncInput }) {
  return enqueueSync(ctx, await findSyncProfile(ctx, input.profileId, 'profileId'));
}
