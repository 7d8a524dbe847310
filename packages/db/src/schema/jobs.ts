import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { instant } from './columns';
import { appForeignKey } from './tenancy';

/**
 * What the worker syncs for an app: a source directory to a target directory, on demand or on a
 * cron schedule. `next_run_at` is when the schedule fires next; the API's scheduler moves it
 * forward in the same statement that claims the firing, so two API processes never both fire.
 */
export const syncProfiles = pgTable(
  'sync_profiles',
  {
    teamId: uuid('team_id').notNull(),
    id: uuid('id').notNull(),
    appId: uuid('app_id').notNull(),
    source: text('source').notNull(),
    target: text('target').notNull(),
    deleteMissing: boolean('delete_missing').notNull().default(false),
    schedule: text('schedule'),
    nextRunAt: instant('next_run_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    appForeignKey(t, 'sync_profiles_app_fk'),
    index('sync_profiles_next_run_idx').on(t.nextRunAt),
  ],
);

/**
 * A worker's hold on a job it claimed from the queue. The worker renews it with heartbeats; a
 * lease past `expires_at` is swept by the API, which fails the job so the queue retries it with
 * backoff. The token proves the holder: a worker whose lease was swept cannot finish the job.
 */
export const jobLeases = pgTable(
  'job_leases',
  {
    jobId: uuid('job_id').notNull(),
    teamId: uuid('team_id').notNull(),
    queue: text('queue').notNull(),
    kind: text('kind').notNull(),
    token: uuid('token').notNull(),
    workerId: text('worker_id').notNull(),
    claimedAt: instant('claimed_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId] }), index('job_leases_expires_idx').on(t.expiresAt)],
);

/**
 * A backup of an app's source directory into a target directory on a cron schedule of its own.
 * Fired as sync profiles are: `next_run_at` (null while the plan is disabled) moves forward in
 * the transaction that claims the firing.
 */
export const backupPlans = pgTable(
  'backup_plans',
  {
    teamId: uuid('team_id').notNull(),
    id: uuid('id').notNull(),
    appId: uuid('app_id').notNull(),
    source: text('source').notNull(),
    target: text('target').notNull(),
    schedule: text('schedule').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    nextRunAt: instant('next_run_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    appForeignKey(t, 'backup_plans_app_fk'),
    index('backup_plans_next_run_idx').on(t.nextRunAt),
  ],
);
