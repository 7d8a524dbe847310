/**
 * The instants and days OpsLedger accepts anywhere: years 0001 to 9999 in UTC. PostgreSQL has
 * no year 0 (it refuses the ISO string outright) and, past 9999, JavaScript writes six-digit
 * signed years (`+010000-…`) that it cannot read either; both ended as a 500 or a refused COPY.
 */
export const EARLIEST_INSTANT = '0001-01-01T00:00:00.000Z';
export const LATEST_INSTANT = '9999-12-31T23:59:59.999Z';
export const EARLIEST_DAY = '0001-01-01';
export const LATEST_DAY = '9999-12-31';

const EARLIEST_MS = Date.parse(EARLIEST_INSTANT);
const LATEST_MS = Date.parse(LATEST_INSTANT);

export const STORABLE_INSTANT_MESSAGE = 'must lie between years 0001 and 9999 in UTC';
export const STORABLE_DAY_MESSAGE = `must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`;

/** Whether an ISO-8601 instant, once in UTC, is one PostgreSQL can store and give back. */
export function isStorableInstant(iso: string): boolean {
  const ms = Date.parse(iso);
  return ms >= EARLIEST_MS && ms <= LATEST_MS;
}

/** Whether a `YYYY-MM-DD` day is within the storable years (the format sorts as text). */
export const isStorableDay = (day: string) => day >= EARLIEST_DAY && day <= LATEST_DAY;

/** The instant `ms` milliseconds after (or before) `iso`, kept within the storable years. */
export function shiftedInstant(iso: string, ms: number): string {
  const shifted = Math.min(Math.max(Date.parse(iso) + ms, EARLIEST_MS), LATEST_MS);
  return new Date(shifted).toISOString();
}
