import { randomUUID } from 'node:crypto';

import { jobLeases } from '@opsledger/db';
import type { ClaimedJob, ClaimJobInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { jobQueueOf, queueName, type JobQueue } from '../../jobs/job-queue';

const POLL_MS = 250;

interface FetchedJob {
  id: string;
  data: Record<string, unknown> | null;
  retryCount: number;
}

/**
 * Takes the oldest due job of one kind and leases it, in one transaction: pg-boss marks it
 * active (skipping rows other claimers hold) and the lease names this worker.
 */
async function claimOne(
  ctx: ServiceContext,
  queue: JobQueue,
  kind: string,
  workerId: string,
): Promise<ClaimedJob | null> {
  const name = queueName(ctx.caller.team.id, kind);
  return ctx.database.transaction(async ({ db, raw }) => {
    const [job] = (await queue.boss.fetch(name, {
      batchSize: 1,
      includeMetadata: true,
      ...queue.inTransaction(raw.query),
    })) as unknown as FetchedJob[];
    if (!job) return null;
    const now = Date.now();
    const token = randomUUID();
    const leaseSeconds = queue.options.leaseSeconds;
    await db.insert(jobLeases).values({
      jobId: job.id,
      teamId: ctx.caller.team.id,
      queue: name,
      kind,
      token,
      workerId,
      claimedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + leaseSeconds * 1000).toISOString(),
    });
    return {
      id: job.id,
      kind,
      data: job.data ?? {},
      attempt: job.retryCount + 1,
      leaseToken: token,
      leaseSeconds,
    };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Long poll: the first job of the caller's team of one of the worker's kinds, or null when none
 * came within `waitMs`. Only the caller's team's queues are read.
 */
export async function claimJob({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ClaimJobInput;
}): Promise<ClaimedJob | null> {
  const queue = jobQueueOf(ctx.database);
  const kinds = input.kinds ?? [];
  const deadline = Date.now() + input.waitMs;
  for (;;) {
    for (const kind of kinds) {
      const job = await claimOne(ctx, queue, kind, input.workerId);
      if (job) return job;
    }
    const left = deadline - Date.now();
    if (left <= 0) return null;
    await sleep(Math.min(POLL_MS, left));
  }
}
