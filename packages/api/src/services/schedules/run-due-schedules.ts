import type { Database } from '@opsledger/db';

import { backupPlanSchedule } from '../backup-plans/backup-plan-schedule';
import { syncProfileSchedule } from '../sync-profiles/sync-profile-schedule';
import { fireDueSchedules } from './fire-due-schedules';

/** One sweep of every kind of schedule (sync profiles, backup plans); gives how many fired. */
export async function runDueSchedules(database: Database): Promise<number> {
  let fired = 0;
  fired += await fireDueSchedules(database, syncProfileSchedule);
  fired += await fireDueSchedules(database, backupPlanSchedule);
  return fired;
}
