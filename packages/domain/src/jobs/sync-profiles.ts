import { z } from 'zod';

import { Did } from '../apps';
import { StorableString, Timestamp } from '../common';

/** A directory on the machines the team's workers run on: absolute, so it means one place. */
export const DirectoryPath = StorableString.trim()
  .min(1, 'must not be empty')
  .max(4000)
  .refine((path) => path.startsWith('/'), { message: 'must be an absolute path' });

/**
 * A five-field cron expression (minute hour day month weekday), in UTC. The API checks that it
 * parses; here only its shape is bounded.
 */
export const CronSchedule = StorableString.trim().min(1, 'must not be empty').max(100);

export const CreateSyncProfileInput = z.object({
  appDid: Did,
  source: DirectoryPath,
  target: DirectoryPath,
  /** Remove files from the target that are gone from the source. */
  deleteMissing: z.boolean().default(false),
  schedule: CronSchedule.nullable().optional(),
});
export type CreateSyncProfileInput = z.infer<typeof CreateSyncProfileInput>;

export const UpdateSyncProfileInput = z.object({
  id: z.uuid(),
  source: DirectoryPath.optional(),
  target: DirectoryPath.optional(),
  deleteMissing: z.boolean().optional(),
  /** null removes the schedule. */
  schedule: CronSchedule.nullable().optional(),
});
export type UpdateSyncProfileInput = z.infer<typeof UpdateSyncProfileInput>;

export const SyncProfile = z.object({
  id: z.uuid(),
  appDid: z.string(),
  source: z.string(),
  target: z.string(),
  deleteMissing: z.boolean(),
  schedule: z.string().nullable(),
  nextRunAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SyncProfile = z.infer<typeof SyncProfile>;

export const SyncProfileRef = z.object({ id: z.uuid() });
export type SyncProfileRef = z.infer<typeof SyncProfileRef>;

export const StartSyncInput = z.object({ profileId: z.uuid() });
export type StartSyncInput = z.infer<typeof StartSyncInput>;

export const StartBackupInput = z.object({
  appDid: Did,
  source: DirectoryPath,
  target: DirectoryPath,
});
export type StartBackupInput = z.infer<typeof StartBackupInput>;

export const StartRestoreInput = z.object({ backupId: z.uuid(), into: DirectoryPath });
export type StartRestoreInput = z.infer<typeof StartRestoreInput>;
