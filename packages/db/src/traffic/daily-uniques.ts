import type { RawTransaction } from '../connection/raw';
import { sqlNamesOf } from '../copy/sql-names';
import { trafficDailyUniques } from '../schema/traffic';

/** A value one app's day may count as new, by kind, as a short digest. */
export interface DailyUniqueCandidate {
  appId: string;
  day: string;
  kind: number;
  digest: string;
}

/** How many values of one kind a day had not counted before. */
export interface FreshUniques {
  appId: string;
  day: string;
  kind: number;
  fresh: number;
}

const { table, column: c } = sqlNamesOf(trafficDailyUniques);

/*
 * The day array is bound as text[] and cast in SQL: Drizzle makes postgres.js pass date[]
 * parameters through unserialised, which fails on a JavaScript array.
 */
const INSERT_FRESH = `with fresh as (
       insert into ${table} (${c.teamId}, ${c.appId}, ${c.day}, ${c.kind}, ${c.digest})
       select $1::uuid, u.app_id, u.day, u.kind, u.digest
         from unnest($2::uuid[], $3::text[]::date[], $4::smallint[], $5::text[]) as u(app_id, day, kind, digest)
       on conflict do nothing
       returning ${c.appId} as app_id, ${c.day} as day, ${c.kind} as kind
     )
     select app_id::text as app_id, day::text as day, kind, count(*)::int as fresh
       from fresh group by 1, 2, 3`;

/**
 * Stores the values the days have not counted yet and reports how many were new per day and
 * kind: a value a day already holds (from this batch or an earlier one) is not counted again.
 */
export async function insertDailyUniques(
  raw: RawTransaction,
  teamId: string,
  uniques: readonly DailyUniqueCandidate[],
): Promise<FreshUniques[]> {
  if (uniques.length === 0) return [];
  const rows = await raw.query<{ app_id: string; day: string; kind: number; fresh: number }>(
    INSERT_FRESH,
    [
      teamId,
      uniques.map((u) => u.appId),
      uniques.map((u) => u.day),
      uniques.map((u) => u.kind),
      uniques.map((u) => u.digest),
    ],
  );
  return rows.map((row) => ({
    appId: row.app_id,
    day: row.day,
    kind: Number(row.kind),
    fresh: Number(row.fresh),
  }));
}
