import PgBoss from 'pg-boss';

import { isBoundToTransaction, type Database, type RawQuery } from '@opsledger/db';

import { logger } from '../logging/logger';
import { perDatabase } from '../process/per-database';
import { queueSql } from './queue-sql';

export interface JobQueueOptions {
  /** How long a claim holds a job without a heartbeat (default 30 s). */
  leaseSeconds?: number;
  /** Retries after the first attempt before a job ends failed (default 3). */
  retryLimit?: number;
  /** The first retry's delay; it doubles each retry (default 5 s). */
  retryDelaySeconds?: number;
  /** How often expired leases are swept (default 2 s). */
  sweepIntervalMs?: number;
  /** How often schedules are checked for due runs (default 15 s). */
  scheduleIntervalMs?: number;
}

export interface JobQueue {
  boss: PgBoss;
  options: Required<JobQueueOptions>;
  /**
   * Creates the queue once per process (pg-boss keeps one partition per queue), on pg-boss's own
   * connection: `from`, the database the caller works through, must not be inside a
   * transaction unless the queue exists already (on PGlite the creation would wait for it).
   */
  ensureQueue(name: string, from?: Database): Promise<void>;
  /** pg-boss calls bound to one transaction's connection. */
  inTransaction(query: RawQuery): { db: ReturnType<typeof queueSql> };
  stop(): Promise<void>;
}

export const DEFAULT_JOB_QUEUE_OPTIONS: Required<JobQueueOptions> = {
  leaseSeconds: 30,
  retryLimit: 3,
  retryDelaySeconds: 5,
  sweepIntervalMs: 2_000,
  scheduleIntervalMs: 15_000,
};

/** The pg-boss queue of one kind of job of one team: a worker only ever sees its team's. */
export const queueName = (teamId: string, kind: string) => `${kind}.${teamId}`;

/** Held expiry, a backstop only: leases (heartbeats) decide when a silent worker lost a job. */
const BACKSTOP_EXPIRY_SECONDS = 6 * 60 * 60;

const queues = perDatabase<JobQueue | null>('job-queue', () => null);

/** The database's job queue; a server whose queue did not start answers 503. */
export function jobQueueOf(database: Database): JobQueue {
  const queue = queues.of(database);
  if (!queue) throw new Error('the job queue is not started on this database');
  return queue;
}

export type BackgroundTask = (queue: JobQueue) => Promise<void>;

/**
 * Starts pg-boss on the database (its own schema, `pgboss`, migrated on first start) and the
 * background tasks that run beside it (lease sweeps, schedules). Once per database.
 */
export async function startJobQueue(
  database: Database,
  options: JobQueueOptions = {},
  tasks: {
    every: keyof Pick<JobQueueOptions, 'sweepIntervalMs' | 'scheduleIntervalMs'>;
    run: BackgroundTask;
  }[] = [],
): Promise<JobQueue> {
  const existing = queues.of(database);
  if (existing) return existing;
  const settings = { ...DEFAULT_JOB_QUEUE_OPTIONS, ...options };
  const boss = new PgBoss({
    db: queueSql(database.query, (text) => database.script(text)),
    // pg-boss's own cron is one schedule per queue; OpsLedger schedules per profile itself.
    schedule: false,
    supervise: true,
    migrate: true,
  });
  boss.on('error', (error: unknown) => logger().warn({ err: error }, 'job queue error'));
  await boss.start();

  const created = new Set<string>();
  const timers: ReturnType<typeof setInterval>[] = [];
  const queue: JobQueue = {
    boss,
    options: settings,
    async ensureQueue(name, from) {
      if (created.has(name)) return;
      if (from && isBoundToTransaction(from)) {
        throw new Error(`queue ${name} must be created before the transaction that sends to it`);
      }
      await boss.createQueue(name, {
        name,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: BACKSTOP_EXPIRY_SECONDS,
      });
      created.add(name);
    },
    inTransaction: (query) => ({ db: queueSql(query, null) }),
    async stop() {
      for (const timer of timers) clearInterval(timer);
      queues.set(database, null);
      await boss.stop({ graceful: false, close: false, wait: true });
    },
  };
  queues.set(database, queue);
  for (const task of tasks) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      task
        .run(queue)
        .catch((error: unknown) => logger().warn({ err: error }, 'job queue task failed'))
        .finally(() => (running = false));
    }, settings[task.every]);
    timer.unref();
    timers.push(timer);
  }
  return queue;
}
