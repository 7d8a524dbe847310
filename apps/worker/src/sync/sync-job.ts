import { z } from 'zod';

import { HandedBackError, type JobHandler } from '../jobs/job-handlers';
import { syncDirectory, type SyncOutcome } from './sync-directory';

const SyncJobData = z.object({
  run: z.object({ id: z.uuid() }),
  source: z.string(),
  target: z.string(),
  deleteMissing: z.boolean(),
});

/** The first failures, named: the run's reason (DID Spaces shows it as the sync's error). */
export function reasonOf(outcome: SyncOutcome): string | undefined {
  if (outcome.failures.length === 0) return undefined;
  const shown = outcome.failures.slice(0, 5).map((f) => `${f.path}: ${f.problem}`);
  const more = outcome.failures.length - shown.length;
  return `${outcome.failures.length} file(s) failed: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * An objects sync (DID Spaces `app-objects-sync`) of a profile: the run, created pending by the
 * API, goes running with progress, then succeeded (no file failed) or failed with the counts.
 */
export const syncJob: JobHandler = async (job, { client, signal, log }) => {
  const data = SyncJobData.parse(job.data);
  const started = Date.now();
  await client.syncs.update.mutate({ id: data.run.id, status: 'running', reason: '' });
  let reporting = Promise.resolve();
  const outcome = await syncDirectory({
    source: data.source,
    target: data.target,
    deleteMissing: data.deleteMissing,
    signal,
    onProgress: (progress) => {
      reporting = reporting
        .then(() => client.syncs.update.mutate({ id: data.run.id, status: 'running', ...progress }))
        .then(
          () => undefined,
          (error: unknown) => log.warn({ err: String(error) }, 'progress not reported'),
        );
    },
  }).catch((error: unknown) => {
    throw new Error(`${data.source}: ${(error as Error).message}`);
  });
  await reporting;
  if (outcome.interrupted) throw new HandedBackError();
  const run = await client.syncs.update.mutate({
    id: data.run.id,
    status: outcome.errorCount === 0 ? 'succeeded' : 'failed',
    reason: reasonOf(outcome) ?? '',
    totalCount: outcome.totalCount,
    successCount: outcome.successCount,
    errorCount: outcome.errorCount,
    size: outcome.size,
    duration: Date.now() - started,
  });
  return { runId: run.id, status: run.status, copied: outcome.copied, deleted: outcome.deleted };
};
