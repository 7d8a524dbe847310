import { dailyBackupOutcomes } from '@opsledger/db';
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
    const days = await dailyBackupOutcomes(ctx.database, {
      teamId: ctx.caller.team.id,
      timeZone: input.timeZone,
      appId,
      from,
      to,
    });
    return {
      summary: days.map((day) => ({
        date: day.date,
        successCount: day.succeeded,
        errorCount: day.failed,
      })),
    };
  } catch (error) {
    if (isUnknownTimeZone(error))
      throw invalidField('timeZone', 'is not a time zone the database knows');
    throw error;
  }
}
