import { isBoundToTransaction, rootDatabaseOf } from '../bound-database';
import type { Database } from '../database';

const monthOf = (iso: string) => iso.slice(0, 7);
const tableOf = (month: string) => `events_${month.replace('-', '_')}`;

function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(mon + 1).padStart(2, '0')}`;
}

const partitionSql = (month: string) =>
  `create table if not exists "${tableOf(month)}" partition of events ` +
  `for values from ('${month}-01T00:00:00Z') to ('${nextMonth(month)}-01T00:00:00Z')`;

/** Too many months of a request's events have no partition yet; nothing was created. */
export class EventPartitionLimitError extends Error {
  constructor(
    readonly missingMonths: number,
    readonly limit: number,
  ) {
    super(`the events span ${missingMonths} months not yet stored, more than ${limit}`);
    this.name = 'EventPartitionLimitError';
  }
}

const known = new WeakMap<Database, Set<string>>();

/** The months that have a partition: cached, refreshed from the catalog when one looks new. */
async function storedMonths(database: Database, wanted: readonly string[]) {
  // One cache for the database and its transactions (a bound database is made per transaction).
  const root = rootDatabaseOf(database);
  let months = known.get(root);
  if (!months) known.set(root, (months = new Set()));
  if (wanted.every((month) => months.has(month))) return months;
  const rows = await database.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass`,
  );
  // Inside a caller's transaction the catalog also shows partitions that exist only if it
  // commits (and the months this call creates are such): cached for that call alone, or a
  // rolled-back creation would leave every later writer believing the partition exists.
  const seen = isBoundToTransaction(database) ? new Set(months) : months;
  for (const { name } of rows) seen.add(name.slice('events_'.length).replace('_', '-'));
  return seen;
}

/**
 * Creates these months' partitions in one short transaction of their own (creating a partition
 * locks the parent table, so every team's reads wait for it), serialised by an advisory lock so
 * concurrent writers do not race to create the same one.
 */
async function createPartitions(database: Database, months: readonly string[]) {
  await database.transaction(async ({ raw }) => {
    await raw.query(`select pg_advisory_xact_lock(hashtext('opsledger:event-partitions'))`);
    for (const month of months) await raw.query(partitionSql(month));
  });
}

/**
 * Makes sure the monthly partitions for these instants exist, creating at most `maxNew` of them:
 * beyond that it creates none and throws EventPartitionLimitError, as the lock each one takes
 * is felt by every team.
 */
export async function ensureEventPartitions(
  database: Database,
  instants: Iterable<string>,
  { maxNew = Number.POSITIVE_INFINITY }: { maxNew?: number } = {},
) {
  const wanted = [...new Set([...instants].map(monthOf))];
  const months = await storedMonths(database, wanted);
  const missing = wanted.filter((month) => !months.has(month));
  if (missing.length === 0) return;
  if (missing.length > maxNew) throw new EventPartitionLimitError(missing.length, maxNew);
  await createPartitions(database, missing);
  for (const month of missing) months.add(month);
}

/** How many months from the current one maintenance keeps partitions for. */
const MONTHS_AHEAD = 2;

/**
 * Creates the partitions of the current month and the next two, so that writers dating events
 * now never create one themselves. Run at start and periodically.
 */
export async function maintainEventPartitions(database: Database, now: Date) {
  const months = [monthOf(now.toISOString())];
  for (let i = 0; i < MONTHS_AHEAD; i++) months.push(nextMonth(months.at(-1) ?? ''));
  await ensureEventPartitions(
    database,
    months.map((month) => `${month}-01T00:00:00.000Z`),
  );
}

/** Forgets months whose partitions retention dropped, so a later write there creates it anew. */
export function forgetEventPartitions(database: Database, months: readonly string[]) {
  const cached = known.get(rootDatabaseOf(database));
  for (const month of months) cached?.delete(month);
}
