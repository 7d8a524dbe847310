import { JOB_KINDS, type Backup, type StartBackupInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { enqueueRun, type RunJob } from '../jobs/enqueue-run';
import { createBackup } from './create-backup';

/** What a backup is of; a plan's firing also names the plan. */
type BackupRequest = StartBackupInput & { planId?: string };

/** The job that makes a backup's archive, with the pending backup it reports on. */
export function backupJob(request: BackupRequest): RunJob<Backup> {
  const { appDid, source, target, planId } = request;
  const plan = planId ? { planId } : {};
  return {
    kind: JOB_KINDS.backup,
    runKind: 'backup',
    record: (ctx, jobId) =>
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
  };
}

/** Records the backup pending and queues the job that makes its archive. */
export async function startBackup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: StartBackupInput;
}): Promise<{ jobId: string; backup: Backup }> {
  const { jobId, run } = await enqueueRun(ctx, backupJob(input));
  return { jobId, backup: run };
}
