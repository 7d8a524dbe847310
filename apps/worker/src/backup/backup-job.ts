import { z } from 'zod';

import type { JobHandler } from '../jobs/job-handlers';
import { backupDirectory } from './backup-directory';

const BackupJobData = z.object({
  run: z.object({ id: z.uuid() }),
  source: z.string(),
  target: z.string(),
  /** The backup plan that fired it, when a schedule did: kept in the finished backup's metadata. */
  planId: z.uuid().optional(),
});

/**
 * A backup of a directory: the backup, created pending by the API, goes running with progress
 * 0..100 and a message, then succeeded with where its archive and manifest are, or failed.
 */
export const backupJob: JobHandler = async (job, { client, signal, log }) => {
  const data = BackupJobData.parse(job.data);
  const id = data.run.id;
  await client.backups.update.mutate({
    id,
    status: 'running',
    progress: 0,
    message: 'listing files',
  });
  let reporting = Promise.resolve();
  let lastReport = 0;
  try {
    const outcome = await backupDirectory({
      source: data.source,
      target: data.target,
      name: id,
      signal,
      onProgress: (progress, message) => {
        if (Date.now() - lastReport < 500) return;
        lastReport = Date.now();
        reporting = reporting
          .then(() => client.backups.update.mutate({ id, status: 'running', progress, message }))
          .then(
            () => undefined,
            (error: unknown) => log.warn({ err: String(error) }, 'progress not reported'),
          );
      },
    });
    await reporting;
    const skipped =
      outcome.skipped.length > 0
        ? `; left out (not regular files): ${outcome.skipped.slice(0, 5).join(', ')}`
        : '';
    const changed =
      outcome.changed.length > 0
        ? `; shrank while read (archived padded): ${outcome.changed.slice(0, 5).join(', ')}`
        : '';
    await client.backups.update.mutate({
      id,
      status: 'succeeded',
      message: `${outcome.files} files, ${outcome.bytes} bytes${skipped}${changed}`,
      targetUrl: outcome.archive,
      metadata: {
        ...(data.planId ? { planId: data.planId } : {}),
        jobId: job.id,
        source: data.source,
        target: data.target,
        archive: outcome.archive,
        manifest: outcome.manifest,
        archiveSha256: outcome.archiveSha256,
        files: outcome.files,
        bytes: outcome.bytes,
      },
    });
    return { backupId: id, archive: outcome.archive, files: outcome.files };
  } catch (error) {
    await reporting;
    // The attempt failed; the record says why while the queue decides whether to retry.
    await client.backups.update
      .mutate({
        id,
        status: 'running',
        message: `attempt ${job.attempt} failed: ${(error as Error).message}`,
      })
      .catch(() => undefined);
    throw error;
  }
};
