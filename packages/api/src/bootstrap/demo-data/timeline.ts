import type { DemoRandom } from './demo-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Instants of demo history, all in the past of one fixed `now`. */
export interface Timeline {
  now: Date;
  /**
   * A moment on the day `daysAgo` days back, between the given UTC hours (working hours by
   * default). Today's window ends now; one that has not begun yet falls back a day.
   */
  onDay(daysAgo: number, hours?: readonly [from: number, to: number]): Date;
  /** `count` moments spread over the last `days` days, oldest first. */
  spread(count: number, days: number): Date[];
  /** `minutes` after an instant, but never later than a minute before now. */
  after(instant: Date, minutes: number): Date;
}

export function timeline(now: Date, random: DemoRandom): Timeline {
  const latest = now.getTime() - MINUTE;

  const onDay = (daysAgo: number, [from, to]: readonly [number, number] = [7, 19]): Date => {
    const day = new Date(now.getTime() - daysAgo * DAY);
    const start = day.setUTCHours(from, 0, 0, 0);
    const end = Math.min(start + (to - from + 1) * HOUR, latest);
    if (end <= start) return onDay(daysAgo + 1, [from, to]);
    return new Date(start + Math.floor(random.next() * (end - start)));
  };

  return {
    now,
    onDay,
    spread: (count, days) =>
      Array.from({ length: count }, () => onDay(random.int(0, days - 1))).sort(
        (a, b) => a.getTime() - b.getTime(),
      ),
    after: (instant, minutes) => new Date(Math.min(instant.getTime() + minutes * MINUTE, latest)),
  };
}
