import { and, apps, copyTextRow, eq, inArray, type RawTransaction } from '@opsledger/db';
import type { TrafficHitBatch, TrafficIngestResult } from '@opsledger/domain';
import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { checkWriterTime, writeLimitsOf } from '../write-limits';
import {
  addFresh,
  dailyFiguresOf,
  type DailyIncrement,
  type UniqueCandidate,
} from './daily-figures';
import { trafficHitOf, type TrafficHit } from './traffic-hit';

/*
 * The day arrays below are bound as text[] and cast in SQL: Drizzle makes postgres.js pass date[]
 * parameters through unserialised, which fails on a JavaScript array.
 */

const HIT_COLUMNS = [
  'team_id',
  'app_id',
  'occurred_at',
  'method',
  'path',
  'status',
  'bytes',
  'duration_ms',
  'visitor',
  'referrer',
  'user_agent',
  'excluded',
] as const;

/**
 * The batch as stored hits; a DID the caller's team does not have is a 404 naming the item, a
 * time beyond the write bounds a 400.
 */
async function hitsOf(ctx: ServiceContext, batch: TrafficHitBatch): Promise<TrafficHit[]> {
  const dids = [...new Set(batch.items.map((item) => item.appDid))];
  const rows = await ctx.database.db
    .select({ id: apps.id, did: apps.did })
    .from(apps)
    .where(and(eq(apps.teamId, ctx.caller.team.id), inArray(apps.did, dids)));
  const ids = new Map(rows.map((row) => [row.did, row.id]));
  const limits = writeLimitsOf(ctx.database);
  const now = Date.now();
  const receivedAt = new Date(now).toISOString();
  return batch.items.map((item, index) => {
    const id = ids.get(item.appDid);
    if (id === undefined) throw notFound(`items.${index}.appDid: app ${item.appDid}`);
    if (item.occurredAt !== undefined) {
      checkWriterTime(limits, `items.${index}.occurredAt`, item.occurredAt, now);
    }
    return trafficHitOf(item, id, receivedAt);
  });
}

async function copyHits(raw: RawTransaction, teamId: string, hits: readonly TrafficHit[]) {
  let text = '';
  for (const hit of hits) {
    // prettier-ignore
    text += copyTextRow([
      teamId, hit.appId, hit.occurredAt, hit.method, hit.path, hit.status, hit.bytes,
      hit.durationMs, hit.visitor, hit.referrer, hit.userAgent, hit.excluded,
    ]);
  }
  await raw.copyIn('traffic_hits', HIT_COLUMNS, text);
}

/**
 * Stores the values the days have not counted yet and reports how many were new per day and
 * kind: a value a day already holds (from this batch or an earlier one) is not counted again.
 */
async function insertUniques(
  raw: RawTransaction,
  teamId: string,
  uniques: readonly UniqueCandidate[],
) {
  if (uniques.length === 0) return [];
  return raw.query<{ app_id: string; day: string; kind: number; fresh: number }>(
    `with fresh as (
       insert into traffic_daily_uniques (team_id, app_id, day, kind, digest)
       select $1::uuid, u.app_id, u.day, u.kind, u.digest
         from unnest($2::uuid[], $3::text[]::date[], $4::smallint[], $5::text[]) as u(app_id, day, kind, digest)
       on conflict do nothing
       returning app_id, day, kind
     )
     select app_id::text as app_id, day::text as day, kind, count(*)::int as fresh
       from fresh group by 1, 2, 3`,
    [
      teamId,
      uniques.map((u) => u.appId),
      uniques.map((u) => u.day),
      uniques.map((u) => u.kind),
      uniques.map((u) => u.digest),
    ],
  );
}

const DAILY_COUNTERS = [
  ['total_requests', (d: DailyIncrement) => d.totalRequests],
  ['failed_requests', (d: DailyIncrement) => d.failedRequests],
  ['excluded_hits', (d: DailyIncrement) => d.excludedHits],
  ['generation_time', (d: DailyIncrement) => d.generationTime],
  ['unique_visitors', (d: DailyIncrement) => d.fresh.visitor],
  ['unique_files', (d: DailyIncrement) => d.fresh.file],
  ['unique_referrers', (d: DailyIncrement) => d.fresh.referrer],
  ['unique_not_found', (d: DailyIncrement) => d.fresh.notFound],
  ['unique_static_files', (d: DailyIncrement) => d.fresh.staticFile],
  ['log_size', (d: DailyIncrement) => d.logSize],
  ['bandwidth', (d: DailyIncrement) => d.bandwidth],
] as const;

/** Adds the batch to each day's figures; concurrent batches add up, none overwrites another. */
async function addToDailyFigures(
  raw: RawTransaction,
  teamId: string,
  increments: readonly DailyIncrement[],
) {
  const columns = DAILY_COUNTERS.map(([column]) => column);
  const arrays = columns.map((_, i) => `$${i + 4}::bigint[]`).join(', ');
  await raw.query(
    `insert into traffic_daily as d (team_id, app_id, day, ${columns.join(', ')})
     select $1::uuid, u.* from unnest($2::uuid[], $3::text[]::date[], ${arrays}) as u
     on conflict (team_id, app_id, day) do update set
       ${columns.map((c) => `${c} = d.${c} + excluded.${c}`).join(',\n       ')}`,
    [
      teamId,
      increments.map((d) => d.appId),
      increments.map((d) => d.day),
      ...DAILY_COUNTERS.map(([, of]) => increments.map(of)),
    ],
  );
}

/**
 * Stores a batch of raw hits and brings the daily figures up to date in the same transaction,
 * with a fixed handful of statements whatever the batch size.
 */
export async function ingestTraffic({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TrafficHitBatch;
}): Promise<TrafficIngestResult> {
  const teamId = ctx.caller.team.id;
  const hits = await hitsOf(ctx, input);
  const { days, uniques } = dailyFiguresOf(hits);

  await ctx.database.transaction(async ({ raw }) => {
    await copyHits(raw, teamId, hits);
    for (const row of await insertUniques(raw, teamId, uniques)) {
      addFresh(days, row.app_id, row.day, Number(row.kind), Number(row.fresh));
    }
    const increments = [...days.values()].sort((a, b) =>
      a.appId === b.appId ? a.day.localeCompare(b.day) : a.appId.localeCompare(b.appId),
    );
    await addToDailyFigures(raw, teamId, increments);
  });
  return { inserted: hits.length };
}
