import type { RawTransaction } from '../connection/raw';
import type { ColumnKey } from '../copy/copy-target';
import { sqlNamesOf } from '../copy/sql-names';
import { trafficDaily } from '../schema/traffic';

const DAY_KEY = ['teamId', 'appId', 'day'] as const;

/** The figures a day adds up: every column of traffic_daily outside its key. */
export type DailyCounter = Exclude<ColumnKey<typeof trafficDaily>, (typeof DAY_KEY)[number]>;

/** One app's additions to one day's figures. */
export type DailyFiguresIncrement = { appId: string; day: string } & Record<DailyCounter, number>;

const { table, column } = sqlNamesOf(trafficDaily);
const COUNTERS = (Object.keys(column) as ColumnKey<typeof trafficDaily>[]).filter(
  (key): key is DailyCounter => !(DAY_KEY as readonly string[]).includes(key),
);
const counterNames = COUNTERS.map((key) => column[key]);
const counterArrays = COUNTERS.map((_, i) => `$${i + 4}::bigint[]`).join(', ');

/*
 * The day array is bound as text[] and cast in SQL: Drizzle makes postgres.js pass date[]
 * parameters through unserialised, which fails on a JavaScript array.
 */
const ADD_TO_DAYS = `insert into ${table} as d (${column.teamId}, ${column.appId}, ${column.day}, ${counterNames.join(', ')})
     select $1::uuid, u.* from unnest($2::uuid[], $3::text[]::date[], ${counterArrays}) as u
     on conflict (${column.teamId}, ${column.appId}, ${column.day}) do update set
       ${counterNames.map((c) => `${c} = d.${c} + excluded.${c}`).join(',\n       ')}`;

/**
 * Adds increments to each day's figures in one statement; concurrent batches add up, none
 * overwrites another. Callers sort the increments so concurrent batches lock days in one order.
 */
export async function addToDailyFigures(
  raw: RawTransaction,
  teamId: string,
  increments: readonly DailyFiguresIncrement[],
): Promise<void> {
  await raw.query(ADD_TO_DAYS, [
    teamId,
    increments.map((d) => d.appId),
    increments.map((d) => d.day),
    ...COUNTERS.map((key) => increments.map((d) => d[key])),
  ]);
}
