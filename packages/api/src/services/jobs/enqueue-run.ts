import type { ServiceContext } from '../../context';
import { enqueueJob, newJobId } from './enqueue-job';
import { failRun, type JobRunRef } from './job-runs';

export interface RunJob<Run extends { id: string }> {
  /** The job's kind (JOB_KINDS): which worker handler performs it. */
  kind: string;
  /** Which record the job reports on. */
  runKind: JobRunRef['kind'];
  /** Records the run pending; the job's id is known already, so the run can name it. */
  record: (jobId: string) => Promise<Run>;
  /** What the worker needs besides the run (`data.run` is added here). */
  data: Record<string, unknown>;
}

/**
 * Records a run pending, then queues the job that performs it: the run exists (and can be
 * watched) before any worker starts, and every retry of the job reports on the same run. A job
 * the queue refuses leaves its run failed, never pending forever. Every job start (on demand or
 * by schedule: syncs, backups, restores) goes through here.
 */
export async function enqueueRun<Run extends { id: string }>(
  ctx: ServiceContext,
  job: RunJob<Run>,
): Promise<{ jobId: string; run: Run }> {
  const jobId = newJobId();
  const run = await job.record(jobId);
  const ref: JobRunRef = { kind: job.runKind, id: run.id };
  try {
    await enqueueJob(ctx, job.kind, { run: ref, ...job.data }, jobId);
  } catch (error) {
    await failRun(ctx, ref, 'the job could not be queued');
    throw error;
  }
  return { jobId, run };
}
