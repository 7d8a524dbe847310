import { events, sql, type SQL } from '@opsledger/db';

const DAY_MS = 24 * 3_600_000;

/**
 * How far back from its anchor a newest-first page looks in each read but the last, which
 * looks at the rest. A week holds a page for any team writing a few events a day, and the next
 * eight weeks one of a quarter of those; only a sparser team pays a third read.
 */
const WINDOW_DAYS = [7, 63] as const;

/** An instant the planner can prune partitions with: a timestamptz constant, not a cast. */
const prunableInstant = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/**
 * The time windows a newest-first page reads in turn, each older than the one before, that
 * together cover every row at or before the anchor (the cursor's instant) or, without one,
 * every row. The events table is partitioned by month and a list names no instant the planner
 * could prune months with, so one read planned every month the record has: ~1.3 ms at 13
 * months against ~0.25 ms at 1 or 2 (docs/performance.md, `pnpm bench --scale`). A window
 * bounded by constants plans only its own months. The bounds are whole milliseconds, so rows
 * never fall between two windows nor into both.
 */
export function newestFirstWindows(anchor: string | undefined, nowMs: number): SQL[][] {
  // A cursor's instant may carry microseconds: the first window ends after its millisecond.
  const anchorMs = anchor === undefined ? nowMs : Date.parse(anchor);
  const newer =
    anchor === undefined ? [] : [sql`${events.occurredAt} < ${prunableInstant(anchorMs + 1)}`];
  const windows: SQL[][] = [];
  let end = newer;
  for (const days of WINDOW_DAYS) {
    const start = prunableInstant(anchorMs - days * DAY_MS);
    windows.push([...end, sql`${events.occurredAt} >= ${start}`]);
    end = [sql`${events.occurredAt} < ${start}`];
  }
  windows.push(end);
  return windows;
}

/**
 * Up to `wanted` rows, newest first, read window by window until enough are found: `read`
 * returns the newest rows of one window, at most the number asked for.
 */
export async function readNewestFirst<Row>(
  windows: readonly SQL[][],
  wanted: number,
  read: (window: SQL[], limit: number) => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const window of windows) {
    rows.push(...(await read(window, wanted - rows.length)));
    if (rows.length >= wanted) break;
  }
  return rows;
}
