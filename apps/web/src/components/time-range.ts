import { parseAsIsoDateTime, parseAsStringLiteral } from 'nuqs/server';

/** The time range presets a filter offers; `custom` reads `from` and `to` from the URL. */
export const RANGE_PRESETS = ['1h', '24h', '7d', '30d', '90d', 'all', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  all: 'All time',
  custom: 'Custom range',
};

const HOUR = 3_600_000;
const PRESET_MS: Record<Exclude<RangePreset, 'all' | 'custom'>, number> = {
  '1h': HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
  '90d': 90 * 24 * HOUR,
};

/** URL parsers for a time range: `?range=7d`, or `?range=custom&from=…&to=…`. */
export const timeRangeParsers = (defaultPreset: RangePreset = 'all') => ({
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault(defaultPreset),
  from: parseAsIsoDateTime,
  to: parseAsIsoDateTime,
});

export interface TimeRangeState {
  range: RangePreset;
  from: Date | null;
  to: Date | null;
}

/**
 * The `{from, to}` instants a range means now. A preset's start is cut to the minute so the
 * server's prefetch and the browser's first query ask the same thing (one cache entry, no
 * refetch on load); its end stays open so new records show.
 */
export function resolveTimeRange(
  state: TimeRangeState,
  now = Date.now(),
): { from?: string; to?: string } {
  if (state.range === 'all') return {};
  if (state.range === 'custom')
    return {
      ...(state.from && { from: state.from.toISOString() }),
      ...(state.to && { to: state.to.toISOString() }),
    };
  const start = Math.floor((now - PRESET_MS[state.range]) / 60_000) * 60_000;
  return { from: new Date(start).toISOString() };
}

/** The days (YYYY-MM-DD) a range spans in a time zone, for per-day summaries and charts. */
export function dayInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(instant);
}
