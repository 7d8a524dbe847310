import { syncProfiles } from '@opsledger/db';

import type { ScheduledKind } from '../schedules/fire-due-schedules';
import { enqueueSync } from './start-sync';
import { selectSyncProfiles, type SyncProfileRow } from './sync-profile-rows';

/** Sync profiles with a schedule: each firing queues a sync of the profile. */
export const syncProfileSchedule: ScheduledKind<SyncProfileRow> = {
  name: 'sync profile',
  table: syncProfiles,
  lockDue: (db, due, limit) =>
    selectSyncProfiles(db)
      .where(due)
      .limit(limit)
      .for('update', { of: syncProfiles, skipLocked: true }),
  fire: (ctx, profile) => enqueueSync(ctx, profile),
};
