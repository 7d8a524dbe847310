import type { JobInfo, JobRef } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { jobQueueOf, queueName } from '../../jobs/job-queue';

interface StoredJob {
  id: string;
  state: JobInfo['state'];
  retryCount: number;
  retryLimit: number;
  output: Record<string, unknown> | null;
}

/** A job of the caller's team, looked for in each of its kinds' queues. */
export async function getJob({
  ctx,
  input,
  kinds,
}: {
  ctx: ServiceContext;
  input: JobRef;
  kinds: readonly string[];
}): Promise<JobInfo> {
  const queue = jobQueueOf(ctx.database);
  for (const kind of kinds) {
    const job = (await queue.boss.getJobById(queueName(ctx.caller.team.id, kind), input.id, {
      includeArchive: true,
    })) as unknown as StoredJob | null;
    if (!job) continue;
    const failed = job.state === 'failed' || job.state === 'retry';
    const message = (job.output as { message?: unknown } | null)?.message;
    return {
      id: job.id,
      kind,
      state: job.state,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      lastError: failed && typeof message === 'string' ? message : null,
      output: job.output,
    };
  }
  throw notFound(`id: job ${input.id}`);
}
