import { JOB_KINDS, type StartRestoreInput, type SyncRun } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { invalidField } from '../../errors';
import { enqueueRun } from '../jobs/enqueue-run';
import { recordPendingSyncRun } from '../sync-runs/record-pending-sync-run';
import { getBackup } from './get-backup';

/** What the backup job left in the backup's metadata: where its archive and manifest are. */
interface ArchiveFacts {
  archive: string;
  manifest: string;
  archiveSha256: string;
}

function archiveOf(metadata: Record<string, unknown>): ArchiveFacts | null {
  const { archive, manifest, archiveSha256 } = metadata;
  return typeof archive === 'string' &&
    typeof manifest === 'string' &&
    typeof archiveSha256 === 'string'
    ? { archive, manifest, archiveSha256 }
    : null;
}

/**
 * Queues the restore of a finished backup into a directory, recorded as an `app-restore` sync
 * run (DID Spaces' name for it) created pending.
 */
export async function startRestore({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: StartRestoreInput;
}): Promise<{ jobId: string; run: SyncRun }> {
  const backup = await getBackup({ ctx, input: { id: input.backupId } });
  const archive = archiveOf(backup.metadata);
  if (backup.status !== 'succeeded' || !archive) {
    throw invalidField('backupId', `backup ${backup.id} has no finished archive to restore`);
  }
  return enqueueRun(ctx, {
    kind: JOB_KINDS.restore,
    runKind: 'sync',
    record: (tx, jobId) =>
      recordPendingSyncRun(tx, {
        appDid: backup.appDid,
        actionType: 'app-restore',
        source: archive.archive,
        target: input.into,
        metadata: { backupId: backup.id, jobId },
      }),
    data: { backupId: backup.id, ...archive, into: input.into },
  });
}
