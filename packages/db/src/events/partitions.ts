import type { Database } from '../database';

const monthOf = (iso: string) => iso.slice(0, 7);

function partitionSql(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return (
    `create table if not exists "events_${month.replace('-', '_')}" partition of events ` +
    `for values from ('${month}-01T00:00:00Z') to ('${next}-01T00:00:00Z')`
  );
}

const known = new WeakMap<Database, Set<string>>();

/**
 * Makes sure the monthly partitions for these instants exist. Runs in its own short
 * transaction before the ingest (creating a partition locks the parent table), serialised by an
 * advisory lock so concurrent writers do not race to create the same one.
 */
export async function ensureEventPartitions(database: Database, instants: Iterable<string>) {
  let months = known.get(database);
  if (!months) known.set(database, (months = new Set()));
  const missing = [...new Set([...instants].map(monthOf))].filter((m) => !months.has(m));
  if (missing.length === 0) return;
  await database.transaction(async ({ raw }) => {
    await raw.query(`select pg_advisory_xact_lock(hashtext('opsledger:event-partitions'))`);
    for (const month of missing) await raw.query(partitionSql(month));
  });
  for (const month of missing) months.add(month);
}
