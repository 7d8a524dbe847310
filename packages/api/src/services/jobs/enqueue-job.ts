import { randomUUID } from 'node:crypto';

import type { ServiceContext } from '../../context';
import { jobQueueOf, queueName } from '../../jobs/job-queue';

/** A job id chosen before the job is sent, so the run record can name it from its creation. */
export const newJobId = () => randomUUID();

/**
 * Puts a job of the caller's team on its queue; the team's workers claim it. It is sent through
 * the caller's database, so a caller inside a transaction sends it in that transaction.
 */
export async function enqueueJob(
  ctx: ServiceContext,
  kind: string,
  data: Record<string, unknown>,
  id: string = newJobId(),
): Promise<string> {
  const queue = jobQueueOf(ctx.database);
  const name = queueName(ctx.caller.team.id, kind);
  await queue.ensureQueue(name, ctx.database);
  const sent = await queue.boss.send(name, data, {
    id,
    ...queue.inTransaction(ctx.database.query),
  });
  if (!sent) throw new Error(`the job queue refused job ${id}`);
  return sent;
}
