import type { Database } from '@opsledger/db';

import { perDatabase } from '../../process/per-database';

/**
 * How many sweeps in a row a firing tried to start its row's due run and failed. An attempt
 * that fails leaves the row due, so the next sweep tries it again; after this many, the run is
 * recorded failed with the reason instead and the schedule moves on.
 */
export const FIRING_ATTEMPTS = 4;

interface Failures {
  /** The due time the failures were of: a row due at another time starts counting afresh. */
  dueAt: string | null;
  count: number;
}

/**
 * Per process: after a restart a failing firing gets its attempts again. Kept per row, so a row
 * that fires or is given up drops its entry, and a row deleted meanwhile leaves one small entry.
 */
const failures = perDatabase('schedule-firing-failures', () => new Map<string, Failures>());

export function firingFailures(database: Database, key: string) {
  const byRow = failures.of(database);
  return {
    /** Counts one more failed attempt at the run due at `dueAt`; gives the attempts so far. */
    add(dueAt: string | null): number {
      const earlier = byRow.get(key);
      const count = (earlier?.dueAt === dueAt ? earlier.count : 0) + 1;
      byRow.set(key, { dueAt, count });
      return count;
    },
    clear: () => byRow.delete(key),
  };
}
