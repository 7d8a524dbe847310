import cronParser from 'cron-parser';

import { invalidField } from '../../errors';

/**
 * When a five-field cron expression (UTC) fires next after `after`; a bad expression is a 400
 * naming the field.
 */
export function nextRunOf(schedule: string, after: Date, field = 'schedule'): string {
  if (schedule.trim().split(/\s+/).length !== 5) {
    throw invalidField(
      field,
      'must be a five-field cron expression (minute hour day month weekday)',
    );
  }
  try {
    return cronParser
      .parseExpression(schedule, { currentDate: after, tz: 'UTC' })
      .next()
      .toISOString();
  } catch (error) {
    throw invalidField(field, `is not a cron expression (${(error as Error).message})`);
  }
}
