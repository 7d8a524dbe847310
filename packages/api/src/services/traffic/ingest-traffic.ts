import {
  addToDailyFigures,
  and,
  apps,
  copyTrafficHits,
  eq,
  inArray,
  insertDailyUniques,
  insertKeyedTrafficHits,
  type DailyFiguresIncrement,
  type KeyedTrafficHitRow,
  type RawTransaction,
} from '@opsledger/db';
import type { TrafficHitBatch, TrafficIngestResult } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { checkWriterTime, writeLimitsOf } from '../write-limits';
import { addFresh, dailyFiguresOf, type DailyIncrement } from './daily-figures';
import { trafficHitOf, type TrafficHit } from './traffic-hit';

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

/** The day's figures as traffic_daily names them. */
const figuresOf = (d: DailyIncrement): DailyFiguresIncrement => ({
  appId: d.appId,
  day: d.day,
  totalRequests: d.totalRequests,
  failedRequests: d.failedRequests,
  excludedHits: d.excludedHits,
  generationTime: d.generationTime,
  uniqueVisitors: d.fresh.visitor,
  uniqueFiles: d.fresh.file,
  uniqueReferrers: d.fresh.referrer,
  uniqueNotFound: d.fresh.notFound,
  uniqueStaticFiles: d.fresh.staticFile,
  logSize: d.logSize,
  bandwidth: d.bandwidth,
});

const isKeyed = (hit: TrafficHit): hit is TrafficHit & KeyedTrafficHitRow =>
  hit.idempotencyKey !== null;

/**
 * Stores the hits and answers those newly stored: every hit without a key (one COPY), and the
 * keyed ones whose key the app had not stored before (the first of a key repeated in the
 * batch). Only these count towards the daily figures, so a retried batch adds nothing.
 */
async function storeNewHits(
  raw: RawTransaction,
  teamId: string,
  hits: readonly TrafficHit[],
): Promise<TrafficHit[]> {
  const unkeyed = hits.filter((hit) => !isKeyed(hit));
  const keyed = new Map<string, TrafficHit & KeyedTrafficHitRow>();
  for (const hit of hits) {
    if (!isKeyed(hit)) continue;
    const key = `${hit.appId}|${hit.idempotencyKey}`;
    if (!keyed.has(key)) keyed.set(key, hit);
  }
  if (unkeyed.length > 0) await copyTrafficHits(raw, teamId, unkeyed);
  const stored = await insertKeyedTrafficHits(raw, teamId, [...keyed.values()]);
  return [...unkeyed, ...[...keyed].filter(([key]) => stored.has(key)).map(([, hit]) => hit)];
}

/**
 * Stores a batch of raw hits and brings the daily figures up to date in the same transaction,
 * with a fixed handful of statements whatever the batch size. Hits already stored under their
 * idempotency key are skipped and counted nowhere.
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

  const inserted = await ctx.database.transaction(async ({ raw }) => {
    const fresh = await storeNewHits(raw, teamId, hits);
    const { days, uniques } = dailyFiguresOf(fresh);
    for (const row of await insertDailyUniques(raw, teamId, uniques)) {
      addFresh(days, row.appId, row.day, row.kind, row.fresh);
    }
    const increments = [...days.values()].sort((a, b) =>
      a.appId === b.appId ? a.day.localeCompare(b.day) : a.appId.localeCompare(b.appId),
    );
    await addToDailyFigures(raw, teamId, increments.map(figuresOf));
    return fresh.length;
  });
  return { inserted, duplicates: hits.length - inserted };
}
