import { JOB_KINDS } from '@opsledger/domain';

import { backupJob } from './backup/backup-job';
import { restoreJob } from './backup/restore-job';
import type { JobHandlers } from './jobs/job-handlers';
import { syncJob } from './sync/sync-job';

/** Every kind of job this worker performs (see JobHandlers: add a kind by adding an entry). */
export const JOB_HANDLERS: JobHandlers = {
  [JOB_KINDS.sync]: syncJob,
  [JOB_KINDS.backup]: backupJob,
  [JOB_KINDS.restore]: restoreJob,
};
