import type { RawQuery } from '../connection/raw';

/** One monthly partition of events: its table and the instant its range ends (exclusive). */
export interface EventMonth {
  month: string;
  table: string;
  end: string;
}

const monthEnd = (month: string) => {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 1)).toISOString();
};

/** The event partitions whose whole month ended before `before`, oldest first. */
export async function eventMonthsEndedBefore(query: RawQuery, before: Date): Promise<EventMonth[]> {
  const rows = await query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass`,
  );
  return rows
    .map(({ name }) => name)
    .filter((name) => /^events_\d{4}_\d{2}$/.test(name))
    .map((table) => {
      const month = table.slice('events_'.length).replace('_', '-');
      return { month, table, end: monthEnd(month) };
    })
    .filter((m) => Date.parse(m.end) <= before.getTime())
    .sort((a, b) => a.month.localeCompare(b.month));
}
