import type { RawQuery } from '@opsledger/db';
import { createTestDatabase } from '@opsledger/db/testing';

/**
 * A connection of the harness's own to DATABASE_URL, opened for one look and closed after, so
 * a database restart cannot leave the harness with a broken pool of its own (the server's is
 * what is under test).
 */
export async function withLedger<T>(look: (query: RawQuery) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  try {
    return await look(database.query);
  } finally {
    await database.close();
  }
}

/** Acknowledged idempotency keys with no event in the team: acknowledged, then lost. */
export async function countLost(query: RawQuery, teamId: string, keys: string[]): Promise<number> {
  const [row] = await query<{ lost: string }>(
    `select count(*) as lost from jsonb_array_elements_text($2::jsonb) as acked(key)
      where not exists (
        select 1 from events e where e.team_id = $1 and e.idempotency_key = acked.key)`,
    [teamId, JSON.stringify(keys)],
  );
  return Number(row?.lost ?? Number.NaN);
}

/** Events beyond the first that carry an idempotency key already used in the team. */
export async function countDuplicates(query: RawQuery, teamId: string): Promise<number> {
  const [row] = await query<{ duplicates: string }>(
    `select count(*) - count(distinct idempotency_key) as duplicates
       from events where team_id = $1 and idempotency_key is not null`,
    [teamId],
  );
  return Number(row?.duplicates ?? Number.NaN);
}

/** Partitions of the shared events table. */
export async function countPartitions(query: RawQuery): Promise<number> {
  const [row] = await query<{ partitions: string }>(
    `select count(*) as partitions from pg_inherits where inhparent = 'events'::regclass`,
  );
  return Number(row?.partitions ?? Number.NaN);
}

/** Where the last range partition of events ends (null when there is none). */
export async function lastPartitionEnd(query: RawQuery): Promise<Date | null> {
  const [row] = await query<{ last: string | null }>(
    `select max((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1])
              as last
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass`,
  );
  return row?.last ? new Date(row.last) : null;
}
