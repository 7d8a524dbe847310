import { asc, syncProfiles } from '@opsledger/db';

import type { ScheduledKind } from '../schedules/fire-due-schedules';
import { syncJob } from './start-sync';
import { selectSyncProfiles, type SyncProfileRow } from './sync-profile-rows';

/** Sync profiles with a schedule: each firing queues a sync of the profile. */
export const syncProfileSchedule: ScheduledKind<SyncProfileRow> = {
  name: 'sync profile',
  table: syncProfiles,
  lockDue: (db, where, limit) =>
    selectSyncProfiles(db)
      .where(where)
      .orderBy(asc(syncProfiles.nextRunAt))
      .limit(limit)
      .for('update', { of: syncProfiles, skipLocked: true }),
  runJob: syncJob,
};
