/**
 * How far from now a writer may date what it records. Each month of event time is a partition
 * of the shared events table, so a writer free to pick any time could make every team pay for
 * its partitions; a small skew allows for clocks a little ahead, the horizon for imports.
 */
export interface EventTimeBounds {
  /** How far into the future an event may be dated, in minutes. */
  futureSkewMinutes: number;
  /** How far back an event may be dated, in days. */
  importHorizonDays: number;
}

export const DEFAULT_EVENT_TIME_BOUNDS: EventTimeBounds = {
  futureSkewMinutes: 5,
  importHorizonDays: 3650,
};

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** Why a writer may not date an event at `instant` (null when it may), as a field's problem. */
export function eventTimeProblem(
  instant: string,
  now: number,
  bounds: EventTimeBounds,
): string | null {
  const at = Date.parse(instant);
  if (at > now + bounds.futureSkewMinutes * MINUTE_MS) {
    return `must not be more than ${plural(bounds.futureSkewMinutes, 'minute')} in the future`;
  }
  if (at < now - bounds.importHorizonDays * DAY_MS) {
    return `must not be more than ${plural(bounds.importHorizonDays, 'day')} in the past (the import horizon)`;
  }
  return null;
}
