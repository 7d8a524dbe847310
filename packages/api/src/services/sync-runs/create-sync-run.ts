import { randomUUID } from 'node:crypto';

import { eq, syncRuns } from '@opsledger/db';
import type { CreateSyncRunInput, SyncRun } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';
import { writeRunChange } from '../runs/run-events';
import { checkRunTimes } from '../runs/run-times';
import { selectSyncRuns, syncRunFromRow, syncRunOfTeam } from './sync-run-rows';

/**
 * Records a DID Spaces sync (objects sync, backup or restore) of one of the caller's apps. A
 * retried create (same idempotencyKey) returns the first one's run and appends no event.
 */
export async function createSyncRun({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSyncRunInput;
}): Promise<SyncRun> {
  const app = await findAppByDid(ctx, input.appDid);
  const status = input.status ?? 'initial';
  const times = checkRunTimes(ctx, { createdAt: input.createdAt, finishedAt: input.finishedAt }, [
    'createdAt',
    'finishedAt',
  ]);
  return writeRunChange(ctx, async ({ db }, now) => {
    const [row] = await db
      .insert(syncRuns)
      .values({
        teamId: ctx.caller.team.id,
        id: randomUUID(),
        appId: app.id,
        actionType: input.actionType,
        status,
        source: input.source,
        target: input.target,
        metadata: input.metadata ?? null,
        userId: input.userId ?? null,
        username: input.username ?? null,
        totalCount: input.totalCount,
        successCount: input.successCount,
        errorCount: input.errorCount,
        size: input.size,
        duration: input.duration,
        idempotencyKey: input.idempotencyKey ?? null,
        createdAt: times.createdAt ?? now,
        updatedAt: times.finishedAt ?? times.createdAt ?? now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // Only the idempotency key can collide: the first create with it won.
      const [earlier] = await selectSyncRuns(db).where(
        syncRunOfTeam(ctx, eq(syncRuns.idempotencyKey, input.idempotencyKey ?? '')),
      );
      if (!earlier) throw new Error('a sync run idempotency key collided with no row');
      return { result: syncRunFromRow(earlier), event: null };
    }
    return {
      result: syncRunFromRow({
        ...row,
        appDid: app.did,
        appName: app.name,
        appDescription: app.description,
      }),
      event: {
        module: 'Sync',
        runId: row.id,
        change: 'created',
        status,
        facts: { actionType: row.actionType },
      },
    };
  });
}
