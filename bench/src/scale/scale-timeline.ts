/**
 * How the scale bench's record grows: longer at a steady rate, and at every size ending now, as
 * a live one does (its newest page is what people read). 10,000,000 events take the 360 days
 * before now across 1,000 teams, one of which writes 40% of them; a smaller size is the newest
 * part of that year, so every size has the same density per day and only the history's length
 * differs. Growing means loading the days before the ones loaded, as an import of history does.
 */
export const FULL_SIZE = 10_000_000;
export const HISTORY_MS = 360 * 24 * 3_600_000;
export const TEAM_COUNT = 1_000;
export const BIG_TEAM_SHARE = 0.4;

/** The instant `index` events before `endMs`: event 0 is the newest, at `endMs`. */
export const instantBefore = (endMs: number, index: number) =>
  endMs - (index * HISTORY_MS) / FULL_SIZE;

/**
 * How many of the events numbered [from, to) each team holds: team 0 its 40%, the others an
 * equal part of the rest (the first few one more, so the parts add up).
 */
export function teamShares(from: number, to: number): number[] {
  const count = to - from;
  const big = Math.round(count * BIG_TEAM_SHARE);
  const others = TEAM_COUNT - 1;
  const each = Math.floor((count - big) / others);
  const extra = count - big - each * others;
  return [big, ...Array.from({ length: others }, (_, i) => each + (i < extra ? 1 : 0))];
}
