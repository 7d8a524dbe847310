import type { Database } from '../database';

/**
 * Merges the pending lists of the GIN indexes (full text, trigrams, payload) of every month
 * before `now`'s, and gives the number of list pages merged. A GIN index queues new rows in a
 * pending list that every search reads whole; the writer that fills it merges it, and
 * autovacuum may, but a month that stops receiving rows keeps its last list for good (its
 * inserts stay under autovacuum's threshold). Measured at 1,000,000 events: ~470 pages of list
 * per month's full-text index, most of a phrase search's time. The current month keeps its list,
 * bounded by gin_pending_list_limit: merging it here would hold up its writers.
 */
export async function mergePendingSearchEntries(database: Database, now: Date): Promise<number> {
  const current = `events_${now.toISOString().slice(0, 7).replace('-', '_')}`;
  const [row] = await database.query<{ merged: string | number | null }>(
    `select sum(gin_clean_pending_list(ix.indexrelid::regclass)) as merged
       from pg_inherits part
       join pg_class month on month.oid = part.inhrelid
       join pg_index ix on ix.indrelid = month.oid
       join pg_class index_class on index_class.oid = ix.indexrelid
       join pg_am am on am.oid = index_class.relam
      where part.inhparent = 'events'::regclass and am.amname = 'gin' and month.relname < $1`,
    [current],
  );
  return Number(row?.merged ?? 0);
}
