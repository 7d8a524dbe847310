import { afterEach, describe, expect, it } from 'vitest';

import { nextRunOf } from './cron-schedule';

const at = (iso: string) => new Date(iso);

describe('a cron schedule', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('fires next strictly after the instant given, never skipping the minute about to come', () => {
    expect(nextRunOf('0 3 * * *', at('2026-12-02T02:59:59.999Z'))).toBe('2026-12-02T03:00:00.000Z');
    // A firing at its own time moves on to the next one, not to itself again.
    expect(nextRunOf('0 3 * * *', at('2026-12-02T03:00:00.000Z'))).toBe('2026-12-03T03:00:00.000Z');
    expect(nextRunOf('* * * * *', at('2026-12-02T03:00:00.500Z'))).toBe('2026-12-02T03:01:00.000Z');
  });

  it('is UTC whatever the server zone: a DST change neither skips nor repeats a time', () => {
    process.env.TZ = 'Europe/Berlin';
    // 02:30 local does not exist in Berlin on 2026-03-29; in UTC it does, once.
    expect(nextRunOf('30 2 * * *', at('2026-03-29T00:00:00Z'))).toBe('2026-03-29T02:30:00.000Z');
    expect(nextRunOf('30 2 * * *', at('2026-03-29T02:30:00Z'))).toBe('2026-03-30T02:30:00.000Z');
    // 02:30 local happens twice in Berlin on 2026-10-25; in UTC once.
    expect(nextRunOf('30 2 * * *', at('2026-10-25T02:30:00Z'))).toBe('2026-10-26T02:30:00.000Z');
  });
});
