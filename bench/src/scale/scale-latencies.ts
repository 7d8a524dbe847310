import type { Database } from '@opsledger/db';

import { interleavedMedians } from '../measure/stats';
import type { MeasuredTeam } from './scale-teams';

const PAGE_SIZE = 50;
export const DEEP_PAGE = 2_000;
/** The summary's own default window: a month, however long the record is. */
const SUMMARY_DAYS = 30;
const DAY_MS = 24 * 3_600_000;
/** A quarter of the rows: each of the fixture's four categories is as likely. */
const FILTER = { category: 'security' } as const;

export interface TeamLatencies {
  firstMs: number;
  /** Page 2,000 by cursor; null for a team with fewer pages. */
  deepMs: number | null;
  filteredMs: number;
  summaryMs: number;
  faults: string[];
}

interface Row {
  createdAt: string;
  seq: number;
}

/** Whether row `a` comes after row `b` newest first: older, or as old and written before. */
const isBelow = (a: Row, b: Row) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.seq < b.seq);

/**
 * The cursor of page `page` (or null when the team has fewer), following cursors from page 1.
 * Each page must start below the last one ended, or the walk repeats rows.
 */
async function cursorOfPage(team: MeasuredTeam, page: number) {
  let cursor: string | undefined;
  let last: Row | undefined;
  for (let current = 1; current < page; current++) {
    const { items, nextCursor } = await team.owner.auditLogs.scroll({ limit: PAGE_SIZE, cursor });
    const [top] = items;
    if (top && last && !isBelow(top, last)) {
      throw new Error(`page ${current} of the ${team.label} repeats rows of the page before`);
    }
    last = items.at(-1);
    if (!nextCursor) return null;
    cursor = nextCursor;
  }
  return cursor ?? null;
}

/**
 * The team's page 1, page 2,000 by cursor, page 1 of one category, and the backup summary of
 * its first app over the last 30 days of its record (ending at `endMs`), measured in turns
 * through the API's procedures (in-process caller, so the query is measured, not HTTP).
 */
export async function teamLatencies(
  database: Database,
  team: MeasuredTeam,
  endMs: number,
): Promise<TeamLatencies> {
  const faults: string[] = [];
  const deepCursor = await cursorOfPage(team, DEEP_PAGE);
  const first = () => team.owner.auditLogs.scroll({ limit: PAGE_SIZE });
  const deep = () => team.owner.auditLogs.scroll({ limit: PAGE_SIZE, cursor: deepCursor ?? '' });
  const filtered = () => team.owner.auditLogs.scroll({ limit: PAGE_SIZE, ...FILTER });
  const window = {
    appDid: team.appDids[0] ?? '',
    from: new Date(endMs - SUMMARY_DAYS * DAY_MS).toISOString(),
    to: new Date(endMs).toISOString(),
    timeZone: 'Europe/Berlin',
  };
  const summary = () => team.owner.backups.summary(window);

  // Wrong answers make the timings those of other queries.
  if ((await filtered()).items.some((item) => item.category !== FILTER.category))
    faults.push(`the ${team.label}'s filtered list has rows of other categories`);
  if ((await summary()).summary.length < SUMMARY_DAYS - 1)
    faults.push(`the ${team.label}'s summary covers fewer than ${SUMMARY_DAYS - 1} days`);
  if (deepCursor) {
    const [top] = (await deep()).items;
    const [newer] = await database.query<{ count: number }>(
      `select count(*)::int as count from events
        where team_id = $1 and stream = 'audit' and (occurred_at, seq) > ($2::timestamptz, $3)`,
      [team.id, top?.createdAt, top?.seq],
    );
    if (newer?.count !== (DEEP_PAGE - 1) * PAGE_SIZE)
      faults.push(`the ${team.label}'s page ${DEEP_PAGE} starts ${newer?.count} rows down`);
  }

  const queries = deepCursor ? [first, filtered, summary, deep] : [first, filtered, summary];
  const [firstMs, filteredMs, summaryMs, deepMs] = await interleavedMedians(queries, {
    warmUp: 20,
    samples: 100,
  });
  return {
    firstMs: firstMs ?? Number.NaN,
    filteredMs: filteredMs ?? Number.NaN,
    summaryMs: summaryMs ?? Number.NaN,
    deepMs: deepMs ?? null,
    faults,
  };
}
