import type { Database } from '../database';
import { dropExpiredEventMonths } from './drop-expired-months';
import { pruneTrafficHits } from './prune-traffic-hits';

/** What one retention run removed. */
export interface RetentionRun {
  droppedMonths: string[];
  heldMonths: string[];
  anchoredTeams: number;
  prunedTrafficHits: number;
}

const running = new WeakMap<Database, Promise<unknown>>();

/** Runs one after another in this process: a second run waits and then finds little to do. */
function oneAtATime<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const before = running.get(database) ?? Promise.resolve();
  const result = before.then(work, work);
  running.set(
    database,
    result.catch(() => undefined),
  );
  return result;
}

/**
 * Applies every team's retention: drops the event months expired for everyone and prunes raw
 * traffic hits. Idempotent, and safe to run concurrently: runs in one process take turns, and
 * across processes the drop happens under advisory locks after re-checking what it analysed
 * (see dropExpiredEventMonths), while two prunes at once delete each hit once.
 */
export async function runRetention(database: Database, now: Date): Promise<RetentionRun> {
  return oneAtATime(database, async () => {
    const months = await dropExpiredEventMonths(database, now);
    const prunedTrafficHits = await pruneTrafficHits(database, now);
    return {
      droppedMonths: months.dropped,
      heldMonths: months.held,
      anchoredTeams: months.anchoredTeams,
      prunedTrafficHits,
    };
  });
}
