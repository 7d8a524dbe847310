import type { ServiceContext } from '../../context';
import { jobQueueOf, queueName } from '../../jobs/job-queue';
import { inTransaction } from '../in-transaction';
import { enqueueJob, newJobId } from './enqueue-job';
import { failRun, type JobRunRef } from './job-runs';

export interface RunJob<Run extends { id: string }> {
  /** The job's kind (JOB_KINDS): which worker handler performs it. */
  kind: string;
  /** Which record the job reports on. */
  runKind: JobRunRef['kind'];
  /**
   * Records the run pending through `ctx` (the enqueue's transaction); the job's id is known
   * already, so the run can name it. Null: no job will perform it (a start given up).
   */
  record: (ctx: ServiceContext, jobId: string | null) => Promise<Run>;
  /** What the worker needs besides the run (`data.run` is added here). */
  data: Record<string, unknown>;
}

/**
 * Records a run pending and queues the job that performs it, in one transaction: the run exists
 * (and can be watched) whenever its job does, every retry of the job reports on the same run, and
 * a job the queue refuses leaves no run behind. Inside the caller's transaction (a scheduled
 * firing), both commit with it. Every job start (on demand or by schedule: syncs, backups,
 * restores) goes through here.
 */
export async function enqueueRun<Run extends { id: string }>(
  ctx: ServiceContext,
  job: RunJob<Run>,
): Promise<{ jobId: string; run: Run }> {
  // pg-boss creates a queue on a connection of its own: before the transaction, not in it.
  await jobQueueOf(ctx.database).ensureQueue(queueName(ctx.caller.team.id, job.kind), ctx.database);
  return inTransaction(ctx, async (tx) => {
    const jobId = newJobId();
    const run = await job.record(tx, jobId);
    const ref: JobRunRef = { kind: job.runKind, id: run.id };
    await enqueueJob(tx, job.kind, { run: ref, ...job.data }, jobId);
    return { jobId, run };
  });
}

/**
 * Records the run of a job that could not be started, ended failed with `reason`, so the team
 * sees the start that did not happen (a scheduled firing given up) among its runs.
 */
export function recordRunNotStarted<Run extends { id: string }>(
  ctx: ServiceContext,
  job: RunJob<Run>,
  reason: string,
): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const run = await job.record(tx, null);
    await failRun(tx, { kind: job.runKind, id: run.id }, reason);
  });
}
