import { describe, expect, it } from 'vitest';

import { humanBytes, humanDuration, humanNumber } from './format';
import { resolveTimeRange } from './time-range';

const NOW = Date.parse('2026-06-15T12:34:56.789Z');

describe('resolveTimeRange', () => {
  it('turns a preset into an open-ended start, cut to the minute so server and browser agree', () => {
    expect(resolveTimeRange({ range: '24h', from: null, to: null }, NOW)).toEqual({
      from: '2026-06-14T12:34:00.000Z',
    });
    // A few seconds later, within the same minute: the same query, the same cache entry.
    expect(resolveTimeRange({ range: '24h', from: null, to: null }, NOW + 3_000)).toEqual(
      resolveTimeRange({ range: '24h', from: null, to: null }, NOW),
    );
  });

  it('asks for everything with "all", and for exactly the chosen instants with "custom"', () => {
    expect(resolveTimeRange({ range: 'all', from: null, to: null }, NOW)).toEqual({});
    const from = new Date('2026-05-01T08:00:00+02:00');
    expect(resolveTimeRange({ range: 'custom', from, to: null }, NOW)).toEqual({
      from: '2026-05-01T06:00:00.000Z',
    });
  });
});

describe('humanised figures', () => {
  it('reads as a person quotes them', () => {
    expect(humanNumber(1_234_567)).toBe('1.2M');
    expect(humanBytes(8_140_000)).toBe('8.14 MB');
    expect(humanDuration(850)).toBe('850 ms');
    expect(humanDuration(13 * 60_000)).toBe('13 min');
    expect(humanDuration(185_000)).toBe('3 min 5 s');
  });
});
