import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { RUN_STATUSES, SYNC_ACTION_TYPES } from '@opsledger/domain';

import { instant, notNullKey } from './columns';
import { appForeignKey } from './tenancy';

export const backups = pgTable(
  'backups',
  {
    teamId: uuid('team_id').notNull(),
    id: uuid('id').notNull(),
    appId: uuid('app_id').notNull(),
    userDid: text('user_did'),
    strategy: smallint('strategy').notNull(),
    sourceUrl: text('source_url').notNull(),
    target: text('target').notNull(),
    targetName: text('target_name'),
    targetUrl: text('target_url'),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    message: text('message'),
    progress: smallint('progress').notNull().default(0),
    metadata: jsonb('metadata').notNull().$type<Record<string, unknown>>(),
    idempotencyKey: text('idempotency_key'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    appForeignKey(t, 'backups_app_fk'),
    index('backups_app_created_idx').on(t.teamId, t.appId, t.createdAt.desc(), t.id.desc()),
    index('backups_created_idx').on(t.teamId, t.createdAt.desc(), t.id.desc()),
    index('backups_finished_idx').on(t.teamId, t.finishedAt),
    // One app's daily summary reads only its own backups, not every app's of the team.
    index('backups_app_finished_idx').on(t.teamId, t.appId, t.finishedAt),
    uniqueIndex('backups_idempotency_key').on(t.teamId, t.idempotencyKey).where(notNullKey),
  ],
);

export const syncRuns = pgTable(
  'sync_runs',
  {
    teamId: uuid('team_id').notNull(),
    id: uuid('id').notNull(),
    appId: uuid('app_id').notNull(),
    actionType: text('action_type', { enum: SYNC_ACTION_TYPES }).notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    reason: text('reason'),
    source: text('source').notNull(),
    target: text('target').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    userId: text('user_id'),
    username: text('username'),
    totalCount: integer('total_count').notNull().default(0),
    successCount: integer('success_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    duration: bigint('duration', { mode: 'number' }).notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    appForeignKey(t, 'sync_runs_app_fk'),
    index('sync_runs_created_idx').on(t.teamId, t.createdAt.desc(), t.id.desc()),
    index('sync_runs_status_idx').on(t.teamId, t.status, t.createdAt.desc()),
    uniqueIndex('sync_runs_idempotency_key').on(t.teamId, t.idempotencyKey).where(notNullKey),
  ],
);
