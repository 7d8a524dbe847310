import { asc, backupPlans } from '@opsledger/db';

import { backupJob } from '../backups/start-backup';
import type { ScheduledKind } from '../schedules/fire-due-schedules';
import { selectBackupPlans, type BackupPlanRow } from './backup-plan-rows';

/** Enabled backup plans: each firing queues a backup of the plan's source into its target. */
export const backupPlanSchedule: ScheduledKind<BackupPlanRow> = {
  name: 'backup plan',
  table: backupPlans,
  lockDue: (db, where, limit) =>
    selectBackupPlans(db)
      .where(where)
      .orderBy(asc(backupPlans.nextRunAt))
      .limit(limit)
      .for('update', { of: backupPlans, skipLocked: true }),
  runJob: (plan) =>
    backupJob({ appDid: plan.appDid, source: plan.source, target: plan.target, planId: plan.id }),
};
