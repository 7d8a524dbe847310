import { z } from 'zod';

import type { JobHandler } from '../jobs/job-handlers';
import { restoreArchive, RestoreError } from './restore-archive';

const RestoreJobData = z.object({
  run: z.object({ id: z.uuid() }),
  archive: z.string(),
  manifest: z.string(),
  archiveSha256: z.string(),
  into: z.string(),
});

/**
 * A restore (DID Spaces `app-restore`) of a backup's archive into a directory, every file checked
 * against the manifest. A corrupt archive ends the run failed at once: retrying cannot mend it.
 */
export const restoreJob: JobHandler = async (job, { client }) => {
  const data = RestoreJobData.parse(job.data);
  const id = data.run.id;
  const started = Date.now();
  await client.syncs.update.mutate({ id, status: 'running' });
  try {
    const outcome = await restoreArchive({
      ...data,
      onProgress: (done, total) => {
        if (done % 200 === 0) {
          void client.syncs.update
            .mutate({ id, status: 'running', totalCount: total, successCount: done })
            .catch(() => undefined);
        }
      },
    });
    const run = await client.syncs.update.mutate({
      id,
      status: 'succeeded',
      reason: '',
      totalCount: outcome.files,
      successCount: outcome.files,
      errorCount: 0,
      size: outcome.bytes,
      duration: Date.now() - started,
    });
    return { runId: run.id, status: run.status, files: outcome.files };
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    const run = await client.syncs.update.mutate({
      id,
      status: 'failed',
      reason: error.message.slice(0, 9_000),
      errorCount: 1,
      duration: Date.now() - started,
    });
    return { runId: run.id, status: run.status, reason: error.message };
  }
};
