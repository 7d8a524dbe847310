import { tmpdir } from 'node:os';

import type { Database } from '@opsledger/db';

import { startApiServer, type ApiServer } from '../load/api-server';
import { runLoad } from '../load/run-load';
import { formatCount, formatMs, type BenchResult } from '../measure/report';
import { loadBackups } from '../summary/load-backups';
import { eventsStorage, type EventsStorage } from './events-storage';
import { loadScaleEvents } from './load-scale-events';
import { DEEP_PAGE, teamLatencies, type TeamLatencies } from './scale-latencies';
import { createScaleTeams, type MeasuredTeam, type ScaleTeams } from './scale-teams';
import { instantBefore } from './scale-timeline';

/** Rows the API ingest sample writes at each size, 1,000 a batch, 3 batches in flight. */
const API_SAMPLE_ROWS = 20_000;
const API_BATCH = 1_000;
const API_IN_FLIGHT = 3;
/** Each app backs up every two hours, as (c)'s app does. */
const BACKUP_EVERY_HOURS = 2;
const MiB = 1024 * 1024;

interface SizeFigures {
  size: number;
  copyRate: number;
  apiRate: number;
  teams: { team: MeasuredTeam; latencies: TeamLatencies }[];
  storage: EventsStorage;
}

/**
 * ANALYZE, and VACUUM as autovacuum would have by then. ANALYZE runs off the statement timeout;
 * VACUUM cannot run in a transaction, where `set local` would lift it, so it runs one month at a
 * time, each well within the timeout (the whole table at 5M events was not, on a busy machine).
 */
async function settle(database: Database) {
  await database.transaction(async ({ raw }) => {
    await raw.query('set local statement_timeout = 0');
    await raw.query('analyze events');
    await raw.query('analyze backups');
  });
  const months = await database.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass order by 1`,
  );
  for (const { name } of months) await database.query(`vacuum ${name}`);
}

/** Rows written through HTTP by a load generator of its own process, in rows/s. */
async function apiIngestRate(server: ApiServer, key: string, firstAt: number, rows: number) {
  const outcome = await runLoad({
    url: server.url,
    connections: API_IN_FLIGHT,
    amount: rows / API_BATCH,
    keys: [key],
    reads: [],
    mix: { reads: 0, writes: 1 },
    batchRows: API_BATCH,
    rowsAt: { firstAt, spacingMs: 1 },
  });
  if (outcome.rowsWritten !== rows || outcome.non2xx + outcome.errors > 0) {
    throw new Error(`the API ingest sample wrote ${outcome.rowsWritten} of ${rows} rows`);
  }
  return outcome.rowsWritten / outcome.durationS;
}

function sizeLine(figures: SizeFigures): string {
  const perMillion = figures.storage.rows / 1e6;
  const mib = (bytes: number) => formatCount(bytes / perMillion / MiB);
  const teams = figures.teams.map(({ team, latencies: l }) => {
    const deep =
      l.deepMs === null
        ? ''
        : ` page ${formatCount(DEEP_PAGE)} ${formatMs(l.deepMs)} (${(l.deepMs / l.firstMs).toFixed(2)}x),`;
    return (
      `${team.label}: newest 50 ${formatMs(l.firstMs)},${deep}` +
      ` category ${formatMs(l.filteredMs)}, backup summary ${formatMs(l.summaryMs)}`
    );
  });
  return (
    `  ${formatCount(figures.size)} events: COPY load ${formatCount(figures.copyRate)} rows/s,` +
    ` API over HTTP ${formatCount(figures.apiRate)} rows/s | ${teams.join(' | ')}` +
    ` | per million events: table ${mib(figures.storage.tableBytes)} MiB + indexes ${mib(figures.storage.indexBytes)} MiB`
  );
}

/** One result per latency: its figure at the largest size against the smallest (<= 1.2). */
function growthResults(sizes: SizeFigures[]): BenchResult[] {
  const first = sizes[0];
  const last = sizes.at(-1);
  if (!first || !last) return [];
  const results: BenchResult[] = [];
  const kinds = [
    ['newest 50', (l: TeamLatencies) => l.firstMs],
    [`page ${formatCount(DEEP_PAGE)} by cursor`, (l: TeamLatencies) => l.deepMs],
    ['category filter', (l: TeamLatencies) => l.filteredMs],
    ['backup summary (30 days)', (l: TeamLatencies) => l.summaryMs],
  ] as const;
  for (const [t, { team, latencies }] of first.teams.entries()) {
    const lastLatencies = last.teams[t]?.latencies;
    if (!lastLatencies) continue;
    for (const [kind, of] of kinds) {
      const from = of(latencies);
      const to = of(lastLatencies);
      if (from === null || to === null) continue;
      results.push({
        name: `(s) growth, ${team.label}, ${kind}`,
        figures: `${formatMs(from)} at ${formatCount(first.size)} events, ${formatMs(to)} at ${formatCount(last.size)}`,
        ratio: to / from,
        ratioOf: `${formatCount(last.size)} / ${formatCount(first.size)}`,
        target: { comparison: '<=', value: 1.2 },
        faults: [...latencies.faults, ...lastLatencies.faults],
      });
    }
  }
  const deepRatios = sizes.map((figures) => {
    const big = figures.teams[0]?.latencies;
    return big?.deepMs == null ? Number.NaN : big.deepMs / big.firstMs;
  });
  results.push({
    name: `(s) page ${formatCount(DEEP_PAGE)} / page 1 at every size, big team`,
    figures: deepRatios
      .map((ratio, i) => `${ratio.toFixed(2)} at ${formatCount(sizes[i]?.size ?? 0)}`)
      .join(', '),
    ratio: Math.max(...deepRatios),
    ratioOf: 'worst deep / first',
    target: { comparison: '<=', value: 1.1 },
    faults: [],
  });
  return results;
}

/**
 * `pnpm bench --scale`: grows one database to each size in turn (COPY of events prepared and
 * hashed by the store's chain code, and the backups of the two measured teams' apps for the
 * same time) and prints, at each size, the load's rate, the API's ingest rate over HTTP, the
 * list and summary latencies of the big team and a small one, and the table's size per
 * million events. Returns the growth results.
 */
export async function benchScale(
  database: Database,
  databaseUrl: string,
  sizes: readonly number[],
): Promise<BenchResult[]> {
  // A minute back: the API's ingest samples are written after it, up to the present.
  const endMs = Date.now() - 60_000;
  const teams = await createScaleTeams(database);
  const server = await startApiServer({ databaseUrl, dataDir: tmpdir() });
  const figures: SizeFigures[] = [];
  try {
    // The API server's first batches pay for its JIT and connections: not part of any size.
    await apiIngestRate(server, teams.spareKey, endMs, 5 * API_BATCH);
    let loaded = 0;
    for (const size of sizes) {
      const fromMs = instantBefore(endMs, size);
      const toMs = instantBefore(endMs, loaded);
      const copyRate = await loadScaleEvents(database, teams.ids, {
        from: loaded,
        to: size,
        fromMs,
        toMs,
      });
      await loadTeamBackups(database, teams, fromMs, toMs);
      loaded = size;
      await settle(database);
      const measured = [];
      for (const team of [teams.big, teams.small]) {
        measured.push({ team, latencies: await teamLatencies(database, team, endMs) });
      }
      // After the latencies: the sample's rows are the big team's newest, in the last minute.
      const apiRate = await apiIngestRate(server, teams.big.key, endMs, API_SAMPLE_ROWS);
      const storage = await eventsStorage(database);
      const sizeFigures = { size, copyRate, apiRate, teams: measured, storage };
      figures.push(sizeFigures);
      console.log(sizeLine(sizeFigures));
    }
  } finally {
    await server.stop();
  }
  return growthResults(figures);
}

async function loadTeamBackups(database: Database, teams: ScaleTeams, from: number, to: number) {
  for (const team of [teams.big, teams.small]) {
    for (const appId of team.appIds) {
      await loadBackups(database, {
        teamId: team.id,
        appId,
        from,
        to,
        everyHours: BACKUP_EVERY_HOURS,
      });
    }
  }
}
