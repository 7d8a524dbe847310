import type { Database } from '@opsledger/db';

export interface EventsStorage {
  rows: number;
  tableBytes: number;
  indexBytes: number;
}

/**
 * The events table's partitions together: rows (as ANALYZE counted them), heap with TOAST, and
 * every index. Run after ANALYZE.
 */
export async function eventsStorage(database: Database): Promise<EventsStorage> {
  const [sizes] = await database.query<{ rows: string; table: string; indexes: string }>(
    `select sum(c.reltuples)::bigint as rows,
            sum(pg_table_size(c.oid))::bigint as table,
            sum(pg_indexes_size(c.oid))::bigint as indexes
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass`,
  );
  return {
    rows: Number(sizes?.rows ?? 0),
    tableBytes: Number(sizes?.table ?? 0),
    indexBytes: Number(sizes?.indexes ?? 0),
  };
}
