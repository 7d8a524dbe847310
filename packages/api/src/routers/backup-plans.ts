import type { TRPCRouterRecord } from '@trpc/server';

import { BackupPlanRef, CreateBackupPlanInput, ScheduleBackupPlanInput } from '@opsledger/domain';

import {
  createBackupPlan,
  deleteBackupPlan,
  getBackupPlan,
  listBackupPlans,
  scheduleBackupPlan,
} from '../services/backup-plans/backup-plans';
import { manageProcedure, readProcedure } from '../trpc';

/** Backups on a cron of their own; changed by managers, as sync profiles are. */
export const backupPlansRouter = {
  create: manageProcedure.input(CreateBackupPlanInput).mutation(createBackupPlan),
  /** A new schedule and/or the plan switched on or off. */
  schedule: manageProcedure.input(ScheduleBackupPlanInput).mutation(scheduleBackupPlan),
  delete: manageProcedure.input(BackupPlanRef).mutation(deleteBackupPlan),
  get: readProcedure.input(BackupPlanRef).query(getBackupPlan),
  list: readProcedure.query(listBackupPlans),
} satisfies TRPCRouterRecord;
