import type { TRPCRouterRecord } from '@trpc/server';

import {
  BackupListInput,
  BackupRef,
  BackupSummaryInput,
  CreateBackupInput,
  StartBackupInput,
  StartRestoreInput,
  UpdateBackupInput,
} from '@opsledger/domain';

import { createBackup } from '../services/backups/create-backup';
import { getBackup } from '../services/backups/get-backup';
import { listBackups } from '../services/backups/list-backups';
import { startBackup } from '../services/backups/start-backup';
import { startRestore } from '../services/backups/start-restore';
import { summarizeBackups } from '../services/backups/summarize-backups';
import { updateBackup } from '../services/backups/update-backup';
import { readProcedure, writeProcedure } from '../trpc';

export const backupsRouter = {
  create: writeProcedure.input(CreateBackupInput).mutation(createBackup),
  update: writeProcedure.input(UpdateBackupInput).mutation(updateBackup),
  get: readProcedure.input(BackupRef).query(getBackup),
  list: readProcedure.input(BackupListInput).query(listBackups),
  summary: readProcedure.input(BackupSummaryInput).query(summarizeBackups),
  /** Queues a backup of a directory; the backup is recorded pending first. */
  start: writeProcedure.input(StartBackupInput).mutation(startBackup),
  /** Queues a restore of a finished backup into a directory (an `app-restore` sync run). */
  restore: writeProcedure.input(StartRestoreInput).mutation(startRestore),
} satisfies TRPCRouterRecord;
