import { maintainEventPartitions, mergePendingSearchEntries, type Database } from '@opsledger/db';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Keeps the event partitions of this month and the next two, now and every hour, so writers
 * dating events now never create one (which would lock the table every team reads); and, in the
 * background, merges the search indexes' pending lists of past months, which nothing else
 * merges and every search reads. The timer does not keep the process alive; the returned
 * function stops it.
 */
export async function startPartitionMaintenance(
  database: Database,
  log: (line: string) => void,
): Promise<() => void> {
  const mergePending = () => {
    mergePendingSearchEntries(database, new Date()).catch((error: unknown) => {
      log(`could not merge the search indexes' pending entries: ${String(error)}`);
    });
  };
  await maintainEventPartitions(database, new Date());
  mergePending();
  const timer = setInterval(() => {
    maintainEventPartitions(database, new Date()).then(mergePending, (error: unknown) => {
      log(`could not maintain the event partitions: ${String(error)}`);
    });
  }, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
