import { sqlNamesOf } from '../copy/sql-names';
import type { Database } from '../database';
import { backups } from '../schema/runs';

export interface BackupOutcomeWindow {
  teamId: string;
  /** An IANA zone the day is cut in; PostgreSQL refuses one it does not know with 22023. */
  timeZone: string;
  /** Only this app's backups, or all of the team's. */
  appId: string | null;
  /** ISO instants, both included. */
  from: string;
  to: string;
}

export interface DailyBackupOutcome {
  /** YYYY-MM-DD in the window's time zone. */
  date: string;
  succeeded: number;
  failed: number;
}

const { table, column: c } = sqlNamesOf(backups);

// The bounds are bound once as timestamptz (a text cast in the filter ran per row) and days
// are formatted after grouping, not per row: together 2x faster on 6 months.
const OUTCOMES_BY_DAY = `select to_char(day, 'YYYY-MM-DD') as date, success, error
   from (select (${c.finishedAt} at time zone $2)::date as day,
                (count(*) filter (where ${c.status} = 'succeeded'))::int as success,
                (count(*) filter (where ${c.status} = 'failed'))::int as error
           from ${table}
          where ${c.teamId} = $1
            and ($3::uuid is null or ${c.appId} = $3::uuid)
            and ${c.finishedAt} >= $4::timestamptz
            and ${c.finishedAt} <= $5::timestamptz
            and ${c.status} in ('succeeded', 'failed')
          group by 1) as days
  order by day`;

/** Backups that succeeded and failed per day of those that finished in the window, oldest first. */
export async function dailyBackupOutcomes(
  database: Database,
  window: BackupOutcomeWindow,
): Promise<DailyBackupOutcome[]> {
  const rows = await database.query<{ date: string; success: number; error: number }>(
    OUTCOMES_BY_DAY,
    [window.teamId, window.timeZone, window.appId, window.from, window.to],
  );
  return rows.map((row) => ({
    date: row.date,
    succeeded: Number(row.success),
    failed: Number(row.error),
  }));
}
