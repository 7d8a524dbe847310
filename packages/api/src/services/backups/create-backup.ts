import { randomUUID } from 'node:crypto';

import { backups, eq } from '@opsledger/db';
import { isTerminal, type Backup, type CreateBackupInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';
import { writeRunChange } from '../runs/run-events';
import { checkRunTimes } from '../runs/run-times';
import { backupFromRow, backupOfTeam, selectBackups } from './backup-rows';

/**
 * Records a backup of one of the caller's apps. A retried create (same idempotencyKey)
 * returns the backup the first one made and appends no second event.
 */
export async function createBackup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateBackupInput;
}): Promise<Backup> {
  const app = await findAppByDid(ctx, input.appDid);
  const teamId = ctx.caller.team.id;
  const status = input.status ?? 'initial';
  const times = checkRunTimes(
    ctx,
    { createdAt: input.createdAt, startedAt: input.startedAt, finishedAt: input.finishedAt },
    ['createdAt', 'startedAt', 'finishedAt'],
  );
  return writeRunChange(ctx, async ({ db }, now) => {
    const [row] = await db
      .insert(backups)
      .values({
        teamId,
        id: randomUUID(),
        appId: app.id,
        userDid: input.userDid ?? null,
        strategy: input.strategy,
        sourceUrl: input.sourceUrl,
        target: input.target,
        targetName: input.targetName ?? null,
        targetUrl: input.targetUrl ?? null,
        status,
        message: input.message ?? null,
        progress: status === 'succeeded' ? 100 : 0,
        metadata: input.metadata,
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: times.createdAt ?? now,
        updatedAt: times.finishedAt ?? times.startedAt ?? times.createdAt ?? now,
        startedAt: times.startedAt ?? (status === 'running' ? now : null),
        finishedAt: isTerminal(status) ? (times.finishedAt ?? now) : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // Only the idempotency key can collide: the first create with it won.
      const [earlier] = await selectBackups(db).where(
        backupOfTeam(ctx, eq(backups.idempotencyKey, input.idempotencyKey ?? '')),
      );
      if (!earlier) throw new Error('a backup idempotency key collided with no row');
      return { result: backupFromRow(earlier), event: null };
    }
    return {
      result: backupFromRow({ ...row, appDid: app.did }),
      event: {
        module: 'Backup',
        runId: row.id,
        change: 'created',
        status,
        facts: { message: input.message },
      },
    };
  });
}
