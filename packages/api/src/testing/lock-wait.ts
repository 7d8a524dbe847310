import type { Database } from '@opsledger/db';

/**
 * Resolves once a statement taking rows FOR UPDATE in this database waits for another
 * transaction's lock (PostgreSQL): a test holds one transaction open and sees that a
 * concurrent change waits for it rather than going ahead on what it read before.
 */
export async function waitingForALock(database: Database): Promise<'waiting'> {
  for (;;) {
    const waiting = await database.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'
          and query ilike '%for update%'`,
    );
    if (waiting.length > 0) return 'waiting';
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
