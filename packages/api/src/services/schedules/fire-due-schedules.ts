import {
  and,
  eq,
  isNotNull,
  lte,
  sql,
  type backupPlans,
  type Database,
  type DbTransaction,
  type SQL,
  type syncProfiles,
} from '@opsledger/db';

import type { ServiceContext } from '../../context';
import { logger } from '../../logging/logger';
import { queueContext } from '../jobs/job-runs';
import { nextRunOf } from './cron-schedule';

/** Rows fired per kind per sweep, at most: the rest wait for the next sweep. */
const BATCH = 50;

/** A table of things that fire on a cron: each has a schedule and when it fires next. */
type ScheduledTable = typeof syncProfiles | typeof backupPlans;

interface ScheduledRow {
  teamId: string;
  id: string;
  schedule: string | null;
}

/** One kind of scheduled thing (sync profiles, backup plans): where it is and what it starts. */
export interface ScheduledKind<Row extends ScheduledRow> {
  /** Named in the log when a firing fails: "sync profile". */
  name: string;
  table: ScheduledTable;
  /** The rows matching `due`, at most `limit`, locked FOR UPDATE SKIP LOCKED. */
  lockDue: (db: DbTransaction, due: SQL, limit: number) => Promise<Row[]>;
  /** Starts the run (records it pending, queues its job) for the row's team. */
  fire: (ctx: ServiceContext, row: Row) => Promise<unknown>;
}

/**
 * Fires every row of a kind whose schedule is due: moves its next run forward and starts its
 * run. The selection and the move are one transaction with SKIP LOCKED, so that two API
 * processes never fire one row twice; the runs start after it commits.
 */
export async function fireDueSchedules<Row extends ScheduledRow>(
  database: Database,
  kind: ScheduledKind<Row>,
): Promise<number> {
  const now = new Date();
  const { table } = kind;
  const due = await database.transaction(async ({ db }) => {
    const dueNow = and(
      isNotNull(table.schedule),
      lte(table.nextRunAt, sql`${now.toISOString()}::timestamptz`),
    );
    const rows = await kind.lockDue(db, dueNow ?? sql`false`, BATCH);
    for (const row of rows) {
      await db
        .update(table)
        .set({ nextRunAt: nextRunOf(row.schedule ?? '', now) })
        .where(and(eq(table.teamId, row.teamId), eq(table.id, row.id)));
    }
    return rows;
  });
  for (const row of due) {
    try {
      await kind.fire(await queueContext(database, row.teamId), row);
    } catch (error) {
      logger().warn({ err: error, [kind.name]: row.id }, `could not start a scheduled run`);
    }
  }
  return due.length;
}
