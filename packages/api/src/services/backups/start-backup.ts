import { JOB_KINDS, type Backup, type StartBackupInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { enqueueRun } from '../jobs/enqueue-run';
import { createBackup } from './create-backup';

/** What a backup is of; a plan's firing also names the plan. */
type BackupRequest = StartBackupInput & { planId?: string };

/** Records the backup pending and queues the job that makes its archive. */
export async function enqueueBackup(
  ctx: ServiceContext,
  request: BackupRequest,
): Promise<{ jobId: string; backup: Backup }> {
  const { appDid, source, target, planId } = request;
  const plan = planId ? { planId } : {};
  const { jobId, run } = await enqueueRun(ctx, {
    kind: JOB_KINDS.backup,
    runKind: 'backup',
    record: (jobId) =>
      createBackup({
        ctx,
        input: {
          appDid,
          strategy: 0,
          sourceUrl: source,
          target: 'local',
          targetName: target,
          status: 'pending',
          message: 'queued',
          metadata: { jobId, source, target, ...plan },
        },
      }),
    data: { appDid, source, target, ...plan },
  });
  return { jobId, backup: run };
}

export function startBackup({ ctx, input }: { ctx: ServiceContext; input: StartBackupInput }) {
  return enqueueBackup(ctx, input);
}
