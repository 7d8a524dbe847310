import { jobLeases, lt, sql, type Database } from '@opsledger/db';

import type { JobQueue } from '../../jobs/job-queue';
import { logger } from '../../logging/logger';
import { failRunOfJob, queueContext } from './job-runs';

/**
 * Leases whose worker stopped heartbeating (killed, hung, cut off) are ended and their jobs
 * failed in pg-boss, which retries them with backoff: another worker reclaims the job.
 */
export async function sweepExpiredLeases(database: Database, queue: JobQueue): Promise<number> {
  const now = new Date().toISOString();
  const expired = await database.transaction(async ({ db, raw }) => {
    const rows = await db
      .delete(jobLeases)
      .where(lt(jobLeases.expiresAt, sql`${now}::timestamptz`))
      .returning();
    for (const lease of rows) {
      const error = `worker ${lease.workerId} stopped heartbeating; its lease expired`;
      await queue.boss.fail(
        lease.queue,
        lease.jobId,
        { message: error },
        queue.inTransaction(raw.query),
      );
    }
    return rows;
  });
  for (const lease of expired) {
    logger().warn({ job: lease.jobId, worker: lease.workerId }, 'job lease expired; job retried');
    const job = await queue.boss.getJobById(lease.queue, lease.jobId);
    if (job?.state === 'failed') {
      const ctx = await queueContext(database, lease.teamId);
      await failRunOfJob(ctx, job.data, `worker ${lease.workerId} stopped heartbeating`);
    }
  }
  return expired.length;
}
