import { JOB_KINDS, type Backup, type StartBackupInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { enqueueJob, newJobId } from '../jobs/enqueue-job';
import { createBackup } from './create-backup';
import { updateBackup } from './update-backup';

/** Records the backup pending and queues the job that makes its archive. */
export async function startBackup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: StartBackupInput;
}): Promise<{ jobId: string; backup: Backup }> {
  const jobId = newJobId();
  const backup = await createBackup({
    ctx,
    input: {
      appDid: input.appDid,
      strategy: 0,
      sourceUrl: input.source,
      target: 'local',
      targetName: input.target,
      status: 'pending',
      message: 'queued',
      metadata: { jobId, source: input.source, target: input.target },
    },
  });
  try {
    await enqueueJob(
      ctx,
      JOB_KINDS.backup,
      {
        run: { kind: 'backup', id: backup.id },
        appDid: input.appDid,
        source: input.source,
        target: input.target,
      },
      jobId,
    );
  } catch (error) {
    await updateBackup({
      ctx,
      input: { id: backup.id, status: 'failed', message: 'the job could not be queued' },
    });
    throw error;
  }
  return { jobId, backup };
}
