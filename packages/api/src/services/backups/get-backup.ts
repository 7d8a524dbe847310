import { backups, eq } from '@opsledger/db';
import type { Backup, BackupRef } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { backupFromRow, backupNotFound, backupOfTeam, selectBackups } from './backup-rows';

export async function getBackup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: BackupRef;
}): Promise<Backup> {
  const [row] = await selectBackups(ctx.database.db).where(
    backupOfTeam(ctx, eq(backups.id, input.id)),
  );
  if (!row) throw backupNotFound(input.id);
  return backupFromRow(row);
}
