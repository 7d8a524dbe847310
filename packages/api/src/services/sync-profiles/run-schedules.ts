import { and, eq, isNotNull, lte, sql, syncProfiles, type Database } from '@opsledger/db';

import { logger } from '../../logging/logger';
import { queueContext } from '../jobs/job-runs';
import { nextRunOf } from './cron-schedule';
import { enqueueSync } from './start-sync';
import { selectSyncProfiles } from './sync-profile-rows';

/** Profiles fired per sweep, at most: the rest wait for the next one. */
const BATCH = 50;

/**
 * Fires every sync profile whose schedule is due: moves its next run forward and queues a sync,
 * the move and the selection in one transaction with SKIP LOCKED so that two API processes
 * never fire one profile twice.
 */
export async function runDueSchedules(database: Database): Promise<number> {
  const now = new Date();
  const due = await database.transaction(async ({ db }) => {
    const rows = await selectSyncProfiles(db)
      .where(
        and(
          isNotNull(syncProfiles.schedule),
          lte(syncProfiles.nextRunAt, sql`${now.toISOString()}::timestamptz`),
        ),
      )
      .limit(BATCH)
      .for('update', { of: syncProfiles, skipLocked: true });
    for (const row of rows) {
      await db
        .update(syncProfiles)
        .set({ nextRunAt: nextRunOf(row.schedule ?? '', now) })
        .where(and(eq(syncProfiles.teamId, row.teamId), eq(syncProfiles.id, row.id)));
    }
    return rows;
  });
  for (const profile of due) {
    try {
      await enqueueSync(await queueContext(database, profile.teamId), profile);
    } catch (error) {
      logger().warn({ err: error, profile: profile.id }, 'could not start a scheduled sync');
    }
  }
  return due.length;
}
