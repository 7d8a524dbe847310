import type { DemoRandom } from './demo-random';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Instants of demo history, all safely in the past of one fixed `now`. */
export interface Timeline {
  now: Date;
  /** A moment on the day `daysAgo` days back, between the given UTC hours (working hours). */
  onDay(daysAgo: number, hours?: readonly [from: number, to: number]): Date;
  /** `count` moments spread over the last `days` days, oldest first. */
  spread(count: number, days: number): Date[];
  /** `minutes` after an instant, never later than just before now. */
  after(instant: Date, minutes: number): Date;
}

export function timeline(now: Date, random: DemoRandom): Timeline {
  const latest = new Date(now.getTime() - MINUTE);
  const clamp = (time: number) => new Date(Math.min(time, latest.getTime()));

  const onDay = (daysAgo: number, [from, to]: readonly [number, number] = [7, 19]) => {
    const day = new Date(now.getTime() - daysAgo * DAY);
    day.setUTCHours(random.int(from, to), random.int(0, 59), random.int(0, 59), random.int(0, 999));
    return clamp(day.getTime());
  };

  return {
    now,
    onDay,
    spread: (count, days) =>
      Array.from({ length: count }, () => onDay(random.int(0, days - 1))).sort(
        (a, b) => a.getTime() - b.getTime(),
      ),
    after: (instant, minutes) => clamp(instant.getTime() + minutes * MINUTE),
  };
}
