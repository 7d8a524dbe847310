import { and, eq, gt, jobLeases, sql, type InferSelectModel } from '@opsledger/db';
import type { CompleteJobInput, FailJobInput, JobLease } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { conflict } from '../../errors';
import { jobQueueOf } from '../../jobs/job-queue';
import { failRunOfJob } from './job-runs';

type LeaseRow = InferSelectModel<typeof jobLeases>;

const leaseLost = (id: string) =>
  conflict(`id: the lease on job ${id} is lost (it expired and the job went back to the queue)`);

const leaseOf = (ctx: ServiceContext, input: JobLease) =>
  and(
    eq(jobLeases.jobId, input.id),
    eq(jobLeases.teamId, ctx.caller.team.id),
    eq(jobLeases.token, input.leaseToken),
  );

/** Renews the lease; a worker told it is lost must stop working on the job. */
export async function heartbeatJob({ ctx, input }: { ctx: ServiceContext; input: JobLease }) {
  const { leaseSeconds } = jobQueueOf(ctx.database).options;
  const now = new Date();
  const [row] = await ctx.database.db
    .update(jobLeases)
    .set({ expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString() })
    .where(
      and(leaseOf(ctx, input), gt(jobLeases.expiresAt, sql`${now.toISOString()}::timestamptz`)),
    )
    .returning({ expiresAt: jobLeases.expiresAt });
  if (!row) throw leaseLost(input.id);
  return { leaseSeconds };
}

/** Ends the lease (the row lock keeps the sweeper out) and settles the job in pg-boss. */
async function settle(
  ctx: ServiceContext,
  input: JobLease,
  action: (
    lease: LeaseRow,
    db: { db: ReturnType<ReturnType<typeof jobQueueOf>['inTransaction']>['db'] },
  ) => Promise<void>,
) {
  const queue = jobQueueOf(ctx.database);
  return ctx.database.transaction(async ({ db, raw }) => {
    const [lease] = await db.delete(jobLeases).where(leaseOf(ctx, input)).returning();
    if (!lease) throw leaseLost(input.id);
    await action(lease, queue.inTransaction(raw.query));
    return lease;
  });
}

export async function completeJob({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CompleteJobInput;
}) {
  const queue = jobQueueOf(ctx.database);
  await settle(ctx, input, async (lease, db) => {
    await queue.boss.complete(lease.queue, input.id, input.output ?? {}, db);
  });
  return { id: input.id, state: 'completed' as const };
}

/**
 * A failed attempt: the queue retries the job with backoff while it has retries left; after the
 * last one the job ends failed with this error kept, and so does its run.
 */
export async function failJob({ ctx, input }: { ctx: ServiceContext; input: FailJobInput }) {
  const queue = jobQueueOf(ctx.database);
  const lease = await settle(ctx, input, async (held, db) => {
    await queue.boss.fail(held.queue, input.id, { message: input.error }, db);
  });
  const job = await queue.boss.getJobById(lease.queue, input.id);
  if (job?.state === 'failed') await failRunOfJob(ctx, job.data, input.error);
  return { id: input.id, state: job?.state ?? 'failed' };
}
