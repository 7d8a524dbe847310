import type { RawTransaction } from '../connection/raw';
import { sqlNamesOf } from '../copy/sql-names';
import { trafficHits } from '../schema/traffic';
import type { TrafficHitRow } from './copy-traffic-hits';

/** A hit that carries an idempotency key. */
export interface KeyedTrafficHitRow extends TrafficHitRow {
  idempotencyKey: string;
}

const { table, column: c } = sqlNamesOf(trafficHits);

/*
 * COPY cannot skip a conflicting row, so keyed hits go in with one INSERT over arrays. The
 * timestamp and boolean arrays are bound as text[] and cast in SQL: postgres.js sends a
 * boolean array as a scalar, and Drizzle passes date-like arrays unserialised.
 */
const INSERT_NEW = `insert into ${table} (${c.teamId}, ${c.appId}, ${c.occurredAt}, ${c.method}, ${c.path},
       ${c.status}, ${c.bytes}, ${c.durationMs}, ${c.visitor}, ${c.referrer}, ${c.userAgent},
       ${c.excluded}, ${c.idempotencyKey})
     select $1::uuid, u.* from unnest($2::uuid[], $3::text[]::timestamptz[], $4::text[], $5::text[],
       $6::smallint[], $7::bigint[], $8::integer[], $9::text[], $10::text[], $11::text[],
       $12::text[]::boolean[], $13::text[]) as u
     on conflict (${c.teamId}, ${c.appId}, ${c.idempotencyKey}) where ${c.idempotencyKey} is not null
     do nothing
     returning ${c.appId}::text as app_id, ${c.idempotencyKey} as key`;

/**
 * Stores the hits whose (app, idempotency key) the team has not stored before and answers the
 * keys it stored, as `appId|key`: a retried or re-read hit is skipped, also when a concurrent
 * batch carries it (the unique index makes the later one wait and then skip).
 */
export async function insertKeyedTrafficHits(
  raw: RawTransaction,
  teamId: string,
  hits: readonly KeyedTrafficHitRow[],
): Promise<Set<string>> {
  if (hits.length === 0) return new Set();
  const rows = await raw.query<{ app_id: string; key: string }>(INSERT_NEW, [
    teamId,
    hits.map((h) => h.appId),
    hits.map((h) => h.occurredAt),
    hits.map((h) => h.method),
    hits.map((h) => h.path),
    hits.map((h) => h.status),
    hits.map((h) => h.bytes),
    hits.map((h) => h.durationMs),
    hits.map((h) => h.visitor),
    hits.map((h) => h.referrer),
    hits.map((h) => h.userAgent),
    hits.map((h) => String(h.excluded)),
    hits.map((h) => h.idempotencyKey),
  ]);
  return new Set(rows.map((row) => `${row.app_id}|${row.key}`));
}
