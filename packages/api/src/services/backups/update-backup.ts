import { backups, eq } from '@opsledger/db';
import { isTerminal, type Backup, type UpdateBackupInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { writeRunChange } from '../runs/run-events';
import { checkRunTimes } from '../runs/run-times';
import { planStatusChange } from '../runs/status-change';
import { backupFromRow, backupNotFound, backupOfTeam, selectBackups } from './backup-rows';

/**
 * Moves a backup through its status machine and records its progress. The row is locked
 * while the move is judged, so two reporters cannot both take it from running to done.
 */
export async function updateBackup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateBackupInput;
}): Promise<Backup> {
  const times = checkRunTimes(ctx, { startedAt: input.startedAt, finishedAt: input.finishedAt }, [
    'startedAt',
    'finishedAt',
  ]);
  return writeRunChange(ctx, async ({ db }, now) => {
    const [current] = await selectBackups(db)
      .where(backupOfTeam(ctx, eq(backups.id, input.id)))
      .for('update', { of: backups });
    if (!current) throw backupNotFound(input.id);

    const change = planStatusChange('backup', current.status, input.status);
    if (change.kind === 'retry') return { result: backupFromRow(current), event: null };

    const { status, changed } = change;
    const [row] = await db
      .update(backups)
      .set({
        status,
        message: input.message,
        progress: status === 'succeeded' ? 100 : input.progress,
        targetUrl: input.targetUrl,
        metadata: input.metadata,
        updatedAt: times.finishedAt ?? times.startedAt ?? now,
        startedAt: times.startedAt ?? (changed && status === 'running' ? now : undefined),
        finishedAt: changed && isTerminal(status) ? (times.finishedAt ?? now) : undefined,
      })
      .where(backupOfTeam(ctx, eq(backups.id, input.id)))
      .returning();
    if (!row) throw backupNotFound(input.id);
    return {
      result: backupFromRow({ ...row, appDid: current.appDid }),
      event: changed
        ? {
            module: 'Backup',
            runId: row.id,
            change: status,
            status,
            facts: { message: input.message, progress: row.progress },
          }
        : null,
    };
  });
}
