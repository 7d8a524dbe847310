import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { instant, notNullKey } from './columns';
import { appForeignKey } from './tenancy';

/**
 * Raw hits, kept briefly (pruned after the team's traffic retention): the daily figures are
 * maintained as they arrive. A hit with an idempotency key (an access log's file identity and
 * byte offset) is stored, and counted, once.
 */
export const trafficHits = pgTable(
  'traffic_hits',
  {
    teamId: uuid('team_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    appId: uuid('app_id').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: smallint('status').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    visitor: text('visitor').notNull(),
    referrer: text('referrer'),
    userAgent: text('user_agent'),
    excluded: boolean('excluded').notNull(),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    appForeignKey(t, 'traffic_hits_app_fk'),
    index('traffic_hits_app_time_idx').on(t.teamId, t.appId, t.occurredAt),
    uniqueIndex('traffic_hits_idempotency_key')
      .on(t.teamId, t.appId, t.idempotencyKey)
      .where(notNullKey),
  ],
);

/** One app's figures for one UTC day (the Blocklet TrafficInsight). */
export const trafficDaily = pgTable(
  'traffic_daily',
  {
    teamId: uuid('team_id').notNull(),
    appId: uuid('app_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    totalRequests: bigint('total_requests', { mode: 'number' }).notNull().default(0),
    failedRequests: bigint('failed_requests', { mode: 'number' }).notNull().default(0),
    excludedHits: bigint('excluded_hits', { mode: 'number' }).notNull().default(0),
    generationTime: bigint('generation_time', { mode: 'number' }).notNull().default(0),
    uniqueVisitors: bigint('unique_visitors', { mode: 'number' }).notNull().default(0),
    uniqueFiles: bigint('unique_files', { mode: 'number' }).notNull().default(0),
    uniqueReferrers: bigint('unique_referrers', { mode: 'number' }).notNull().default(0),
    uniqueNotFound: bigint('unique_not_found', { mode: 'number' }).notNull().default(0),
    uniqueStaticFiles: bigint('unique_static_files', { mode: 'number' }).notNull().default(0),
    logSize: bigint('log_size', { mode: 'number' }).notNull().default(0),
    bandwidth: bigint('bandwidth', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.appId, t.day] }),
    appForeignKey(t, 'traffic_daily_app_fk'),
  ],
);

/** What a day has already counted as unique, by kind (visitor, file, ...) and a value digest. */
export const trafficDailyUniques = pgTable(
  'traffic_daily_uniques',
  {
    teamId: uuid('team_id').notNull(),
    appId: uuid('app_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: smallint('kind').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.appId, t.day, t.kind, t.digest] })],
);
