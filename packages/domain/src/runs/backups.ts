import { z } from 'zod';

import { Did } from '../apps';
import {
  Day,
  IdempotencyKey,
  JsonObject,
  Label,
  StorableString,
  Text,
  TimeRange,
  Timestamp,
  TimeZone,
} from '../common';
import { cursorPageOf, CursorRequest } from '../paging';
import { RunStatus } from './run-status';

export const CreateBackupInput = z.object({
  appDid: Did,
  userDid: Label.optional(),
  /** The Blocklet backup strategy number (0 manual, 1 scheduled, ...). */
  strategy: z.number().int().min(0).max(255).default(0),
  sourceUrl: StorableString.max(4000),
  target: Label,
  targetName: Label.optional(),
  targetUrl: StorableString.max(4000).optional(),
  status: RunStatus.optional(),
  message: Text.optional(),
  metadata: JsonObject.default({}),
  /** The backup's real times (imported history); default: when the API receives this. */
  createdAt: Timestamp.optional(),
  startedAt: Timestamp.optional(),
  finishedAt: Timestamp.optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type CreateBackupInput = z.infer<typeof CreateBackupInput>;

export const UpdateBackupInput = z.object({
  id: z.uuid(),
  status: RunStatus.optional(),
  message: Text.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  targetUrl: StorableString.max(4000).optional(),
  metadata: JsonObject.optional(),
  /** When the backup really started / ended (imported history); default: now, on the move. */
  startedAt: Timestamp.optional(),
  finishedAt: Timestamp.optional(),
});
export type UpdateBackupInput = z.infer<typeof UpdateBackupInput>;

export const Backup = z.object({
  id: z.uuid(),
  appDid: z.string(),
  userDid: z.string().nullable(),
  strategy: z.number().int(),
  sourceUrl: z.string(),
  target: z.string(),
  targetName: z.string().nullable(),
  targetUrl: z.string().nullable(),
  status: RunStatus,
  message: z.string().nullable(),
  progress: z.number().int(),
  metadata: JsonObject,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type Backup = z.infer<typeof Backup>;

export const BackupRef = z.object({ id: z.uuid() });
export type BackupRef = z.infer<typeof BackupRef>;

export const BackupFilter = TimeRange.and(z.object({ appDid: Did.optional() }));
export type BackupFilter = z.infer<typeof BackupFilter>;
export const BackupListInput = BackupFilter.and(CursorRequest);
export type BackupListInput = z.infer<typeof BackupListInput>;
export const BackupPage = cursorPageOf(Backup);

/** Per-day outcome counts of finished backups, days cut in the caller's time zone. */
export const BackupSummaryInput = BackupFilter.and(z.object({ timeZone: TimeZone.default('UTC') }));
export type BackupSummaryInput = z.infer<typeof BackupSummaryInput>;
export const BackupSummaryItem = z.object({
  date: Day,
  successCount: z.number().int(),
  errorCount: z.number().int(),
});
export type BackupSummaryItem = z.infer<typeof BackupSummaryItem>;
