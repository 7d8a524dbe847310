import { createCaller } from '@opsledger/api';
import type { Database } from '@opsledger/db';

import { formatCount, formatMs, type BenchResult } from '../measure/report';
import { interleavedMedians } from '../measure/stats';
import { createBenchTeam, type ApiCaller, type BenchTeam } from '../setup/bench-team';
import { benchFilteredPages } from './filtered-pages';
import { loadAuditEvents } from './load-audit-events';

const PAGE_SIZE = 50;
const DEEP_PAGE = 2_000;
const SIX_MONTHS_MS = 183 * 24 * 3_600_000;

export interface ListBench {
  result: BenchResult;
  /** The page-1 query, for benchmarks that compare against it. */
  firstPage: () => Promise<unknown>;
  /** The team holding the events, for benchmarks over the same rows. */
  team: BenchTeam;
  viewerKey: string;
}

/** Follows cursors from page 1 and returns the cursor that opens page `page`. */
async function cursorOfPage(reader: ApiCaller, page: number): Promise<string> {
  let cursor: string | undefined;
  for (let current = 1; current < page; current++) {
    const { nextCursor } = await reader.auditLogs.scroll({ limit: PAGE_SIZE, cursor });
    if (!nextCursor) throw new Error(`auditLogs.scroll ended at page ${current}`);
    cursor = nextCursor;
  }
  if (!cursor) throw new Error('page 1 has no cursor');
  return cursor;
}

/**
 * (b) The newest 50 audit logs of a team holding `eventCount` events (six months of them),
 * page 1 against page 2,000 reached by following cursors: keyset paging should cost the same
 * at any depth. In-process calls with a viewer key, so the query is measured, not HTTP. Its
 * details are the newest page under filters that match few rows or none (filtered-pages.ts).
 */
export async function benchList(database: Database, eventCount: number): Promise<ListBench> {
  const team = await createBenchTeam(database, 'list');
  await loadAuditEvents(database, team.id, { count: eventCount, spanMs: SIX_MONTHS_MS });
  // ANALYZE also merges the GIN indexes' pending lists (the search indexes): after a bulk load
  // that outlasts the connection's statement timeout, which this one transaction lifts.
  await database.transaction(async ({ raw }) => {
    await raw.query('set local statement_timeout = 0');
    await raw.query('analyze events');
  });
  const viewerKey = await team.keySecret('viewer');
  const reader = await createCaller(database, viewerKey);

  const deepCursor = await cursorOfPage(reader, DEEP_PAGE);
  const firstPage = () => reader.auditLogs.scroll({ limit: PAGE_SIZE });
  const deepPage = () => reader.auditLogs.scroll({ limit: PAGE_SIZE, cursor: deepCursor });

  // Page 2,000 must start 99,950 rows down (seq counts down from the newest), or the cursor
  // walk skipped or repeated rows and the two timings are of different queries.
  const [newest, deep] = [await firstPage(), await deepPage()];
  const expectedSeq = eventCount - (DEEP_PAGE - 1) * PAGE_SIZE;
  const faults: string[] = [];
  if (newest.items[0]?.seq !== eventCount) {
    faults.push(`page 1 starts at seq ${newest.items[0]?.seq}, not the newest (${eventCount})`);
  }
  if (deep.items[0]?.seq !== expectedSeq) {
    faults.push(
      `page ${formatCount(DEEP_PAGE)} starts at seq ${deep.items[0]?.seq}, expected ${expectedSeq}` +
        ' (following cursors repeats or skips rows)',
    );
  }

  const samples = 200;
  const [firstMs, deepMs] = (await interleavedMedians([firstPage, deepPage], {
    warmUp: 20,
    samples,
  })) as [number, number];
  const filtered = await benchFilteredPages(database, reader, { teamId: team.id, eventCount });
  return {
    firstPage,
    team,
    viewerKey,
    result: {
      name: '(b) list newest 50',
      figures:
        `auditLogs.scroll at ${formatCount(eventCount)} events in one team:` +
        ` page 1 ${formatMs(firstMs)}, page ${formatCount(DEEP_PAGE)} by cursor ${formatMs(deepMs)}` +
        ` (median of ${samples}, in-process caller)`,
      ratio: deepMs / firstMs,
      ratioOf: `page ${formatCount(DEEP_PAGE)} / page 1`,
      target: { comparison: '<=', value: 1.5 },
      faults: [...faults, ...filtered.faults],
      details: filtered.details,
    },
  };
}
