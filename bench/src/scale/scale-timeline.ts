/**
 * How the scale bench's record grows: as a real one does, by getting longer at a steady rate.
 * 10,000,000 events take 360 days across 1,000 teams, one of which writes 40% of them; a
 * smaller size is the first part of that year, so every size has the same density per day and
 * only the history's length differs.
 */
export const FULL_SIZE = 10_000_000;
export const HISTORY_MS = 360 * 24 * 3_600_000;
export const TEAM_COUNT = 1_000;
export const BIG_TEAM_SHARE = 0.4;

/** The instant the global event number `index` happened, `startMs` being the first. */
export const instantOf = (startMs: number, index: number) =>
  startMs + (index * HISTORY_MS) / FULL_SIZE;

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
