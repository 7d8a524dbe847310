import type { Database } from '@opsledger/db';

import { sweepExpiredLeases } from '../services/jobs/sweep-leases';
import { runDueSchedules } from '../services/schedules/run-due-schedules';
import { startJobQueue, type JobQueue, type JobQueueOptions } from './job-queue';

/**
 * The job queue with its background work: expired leases swept (their jobs retried), due
 * schedules fired. Start-up and the test API both start it here.
 */
export function startJobs(database: Database, options: JobQueueOptions = {}): Promise<JobQueue> {
  return startJobQueue(database, options, [
    {
      every: 'sweepIntervalMs',
      run: async (queue) => void (await sweepExpiredLeases(database, queue)),
    },
    { every: 'scheduleIntervalMs', run: async () => void (await runDueSchedules(database)) },
  ]);
}
