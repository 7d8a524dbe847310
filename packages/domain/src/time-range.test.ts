import { describe, expect, it } from 'vitest';

import { Day, TimeRange, Timestamp } from './common';
import { DEFAULT_EVENT_TIME_BOUNDS, eventTimeProblem } from './event-time-bounds';
import { shiftedInstant } from './time-range';

const problemsOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('times PostgreSQL cannot store', () => {
  it('are refused once normalised to UTC, naming the field', () => {
    for (const from of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00+14:00',
      '9999-12-31T23:59:59-00:01',
    ]) {
      expect(problemsOf(TimeRange.safeParse({ from }))).toEqual([
        'from: must lie between years 0001 and 9999 in UTC',
      ]);
    }
  });

  it('leave the first and last storable instants alone', () => {
    expect(Timestamp.parse('0001-01-01T00:00:00+00:00')).toBe('0001-01-01T00:00:00.000Z');
    expect(Timestamp.parse('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
  });

  it('are refused as days too, and a malformed value gets only the format message', () => {
    expect(problemsOf(Day.safeParse('0000-12-31'))).toEqual([
      ': must lie between 0001-01-01 and 9999-12-31',
    ]);
    expect(Day.safeParse('9999-12-31').success).toBe(true);
    expect(problemsOf(Timestamp.safeParse('yesterday'))).toEqual([
      ': must be an ISO-8601 timestamp with a time zone',
    ]);
  });

  it('are never produced by arithmetic on storable ones', () => {
    expect(shiftedInstant('0001-01-02T00:00:00.000Z', -30 * 86_400_000)).toBe(
      '0001-01-01T00:00:00.000Z',
    );
    expect(shiftedInstant('9999-12-31T00:00:00.000Z', 86_400_000)).toBe('9999-12-31T23:59:59.999Z');
  });
});

describe('eventTimeProblem', () => {
  const now = Date.parse('2026-06-15T12:00:00.000Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  it('allows a small skew into the future and the import horizon into the past', () => {
    expect(eventTimeProblem(at(5 * 60_000), now, DEFAULT_EVENT_TIME_BOUNDS)).toBeNull();
    expect(eventTimeProblem(at(-3650 * 86_400_000), now, DEFAULT_EVENT_TIME_BOUNDS)).toBeNull();
  });

  it('refuses what lies beyond either bound', () => {
    expect(eventTimeProblem(at(5 * 60_000 + 1), now, DEFAULT_EVENT_TIME_BOUNDS)).toBe(
      'must not be more than 5 minutes in the future',
    );
    expect(eventTimeProblem(at(-3650 * 86_400_000 - 1), now, DEFAULT_EVENT_TIME_BOUNDS)).toBe(
      'must not be more than 3650 days in the past (the import horizon)',
    );
    expect(
      eventTimeProblem(at(-2 * 86_400_000), now, { futureSkewMinutes: 1, importHorizonDays: 1 }),
    ).toBe('must not be more than 1 day in the past (the import horizon)');
  });
});
