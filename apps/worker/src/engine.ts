/** The worker's file engine without the job machinery, for the benchmark. */
export { syncDirectory, type SyncOutcome } from './sync/sync-directory';
export { backupDirectory, type BackupOutcome } from './backup/backup-directory';
export { restoreArchive } from './backup/restore-archive';
