import { maintainEventPartitions, type Database } from '@opsledger/db';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Keeps the event partitions of this month and the next two, now and every hour, so writers
 * dating events now never create one (which would lock the table every team reads). The timer
 * does not keep the process alive; the returned function stops it.
 */
export async function startPartitionMaintenance(
  database: Database,
  log: (line: string) => void,
): Promise<() => void> {
  await maintainEventPartitions(database, new Date());
  const timer = setInterval(() => {
    maintainEventPartitions(database, new Date()).catch((error: unknown) => {
      log(`could not maintain the event partitions: ${String(error)}`);
    });
  }, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
