import type { ServiceContext } from '../../context';
import { invalidField } from '../../errors';
import { checkWriterTime, writeLimitsOf } from '../write-limits';

/**
 * Real times a writer gives a run (imported history), checked against the same bounds as
 * event times (not past the import horizon, not ahead of now) and against each other.
 * Gives the times in order; unset ones stay undefined.
 */
export function checkRunTimes<T extends Record<string, string | undefined>>(
  ctx: ServiceContext,
  times: T,
  order: readonly (keyof T & string)[],
): T {
  const limits = writeLimitsOf(ctx.database);
  const now = Date.now();
  let earlier: { field: string; at: string } | null = null;
  for (const field of order) {
    const at = times[field];
    if (at === undefined) continue;
    checkWriterTime(limits, field, at, now);
    if (earlier && Date.parse(at) < Date.parse(earlier.at)) {
      throw invalidField(field, `must not be before ${earlier.field}`);
    }
    earlier = { field, at };
  }
  return times;
}
