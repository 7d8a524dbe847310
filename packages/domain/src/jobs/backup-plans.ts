import { z } from 'zod';

import { Did } from '../apps';
import { Timestamp } from '../common';
import { CronSchedule, DirectoryPath } from './sync-profiles';

/** A backup plan: an app's source folder archived into a target folder on its own schedule. */
export const CreateBackupPlanInput = z.object({
  appDid: Did,
  source: DirectoryPath,
  target: DirectoryPath,
  schedule: CronSchedule,
  /** A disabled plan keeps its schedule but does not fire. */
  enabled: z.boolean().default(true),
});
export type CreateBackupPlanInput = z.infer<typeof CreateBackupPlanInput>;

/** A new schedule (fires next from now), and/or the plan switched on or off. */
export const ScheduleBackupPlanInput = z.object({
  id: z.uuid(),
  schedule: CronSchedule.optional(),
  enabled: z.boolean().optional(),
});
export type ScheduleBackupPlanInput = z.infer<typeof ScheduleBackupPlanInput>;

export const BackupPlan = z.object({
  id: z.uuid(),
  appDid: z.string(),
  source: z.string(),
  target: z.string(),
  schedule: z.string(),
  enabled: z.boolean(),
  /** When the plan fires next; null while it is disabled. */
  nextRunAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type BackupPlan = z.infer<typeof BackupPlan>;

export const BackupPlanRef = z.object({ id: z.uuid() });
export type BackupPlanRef = z.infer<typeof BackupPlanRef>;
