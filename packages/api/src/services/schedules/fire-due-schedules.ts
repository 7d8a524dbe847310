import {
  and,
  eq,
  isNotNull,
  lte,
  sql,
  type backupPlans,
  type Database,
  type Db,
  type DbTransaction,
  type SQL,
  type syncProfiles,
} from '@opsledger/db';

import type { ServiceContext } from '../../context';
import { jobQueueOf, queueName } from '../../jobs/job-queue';
import { logger } from '../../logging/logger';
import { inTransaction } from '../in-transaction';
import { enqueueRun, recordRunNotStarted, type RunJob } from '../jobs/enqueue-run';
import { queueContext } from '../jobs/job-runs';
import { nextRunOf } from './cron-schedule';
import { FIRING_ATTEMPTS, firingFailures } from './firing-failures';

/** Rows fired per kind per sweep, at most: the rest wait for the next sweep. */
const BATCH = 50;

/** A table of things that fire on a cron: each has a schedule and when it fires next. */
type ScheduledTable = typeof syncProfiles | typeof backupPlans;

interface ScheduledRow {
  teamId: string;
  id: string;
  schedule: string | null;
  nextRunAt: string | null;
}

/** One kind of scheduled thing (sync profiles, backup plans): where it is and what it starts. */
export interface ScheduledKind<Row extends ScheduledRow> {
  /** Named in the log when a firing fails: "sync profile". */
  name: string;
  table: ScheduledTable;
  /** The rows matching `where`, oldest due first, at most `limit`, locked FOR UPDATE SKIP LOCKED. */
  lockDue: (db: Db | DbTransaction, where: SQL, limit: number) => Promise<Row[]>;
  /** The run (recorded pending) and job a firing of the row starts. */
  runJob: (row: Row) => RunJob<{ id: string }>;
}

/**
 * Fires every row of a kind whose schedule is due, each in one transaction of its own: the row is
 * locked (SKIP LOCKED, so two API processes never fire it twice), its next run moved on from
 * now (a run missed while no server was up fires once, not once per missed slot), and its run
 * recorded and its job queued. Either all of it commits or none: a firing that fails leaves the
 * row due for the next sweep, and one that keeps failing is recorded as a failed run.
 */
export async function fireDueSchedules<Row extends ScheduledRow>(
  database: Database,
  kind: ScheduledKind<Row>,
): Promise<number> {
  const now = new Date();
  const due = and(
    isNotNull(kind.table.schedule),
    lte(kind.table.nextRunAt, sql`${now.toISOString()}::timestamptz`),
  );
  // A first look, locking nothing for long: each row is locked again by its own firing.
  const rows = await database.transaction(({ db }) => kind.lockDue(db, due ?? sql`false`, BATCH));
  let fired = 0;
  for (const row of rows) {
    if (await fireRow(database, kind, row, due)) fired += 1;
  }
  return fired;
}

/** Locks the row again if it is still due (not fired meanwhile, not rescheduled). */
async function lockStillDue<Row extends ScheduledRow>(
  tx: ServiceContext,
  kind: ScheduledKind<Row>,
  row: Row,
  due: SQL | undefined,
): Promise<Row | null> {
  const { table } = kind;
  const thisRow = and(eq(table.teamId, row.teamId), eq(table.id, row.id));
  const [current] = await kind.lockDue(tx.database.db, and(due, thisRow) ?? sql`false`, 1);
  if (!current) return null;
  await tx.database.db
    .update(table)
    .set({ nextRunAt: nextRunOf(current.schedule ?? '', new Date()) })
    .where(thisRow);
  return current;
}

async function fireRow<Row extends ScheduledRow>(
  database: Database,
  kind: ScheduledKind<Row>,
  row: Row,
  due: SQL | undefined,
): Promise<boolean> {
  const failures = firingFailures(database, `${kind.name}:${row.teamId}:${row.id}`);
  try {
    const ctx = await queueContext(database, row.teamId);
    // pg-boss creates a queue on a connection of its own: before the firing's transaction.
    await jobQueueOf(database).ensureQueue(queueName(row.teamId, kind.runJob(row).kind));
    const fired = await inTransaction(ctx, async (tx) => {
      const current = await lockStillDue(tx, kind, row, due);
      if (current) await enqueueRun(tx, kind.runJob(current));
      return current !== null;
    });
    failures.clear();
    return fired;
  } catch (error) {
    const attempts = failures.add(row.nextRunAt);
    if (attempts < FIRING_ATTEMPTS) {
      logger().warn(
        { err: error, [kind.name]: row.id, attempts },
        'a scheduled run could not start; it stays due and is tried again on the next sweep',
      );
      return false;
    }
    if (await giveUp(database, kind, row, due, { error, attempts })) failures.clear();
    return false;
  }
}

/**
 * A firing that failed on every attempt: its run is recorded failed with the reason (the team
 * sees it among its runs, with its system event) and the schedule moves on, both in one
 * transaction. When even that fails (the database is down), the row stays due and is tried anew.
 */
async function giveUp<Row extends ScheduledRow>(
  database: Database,
  kind: ScheduledKind<Row>,
  row: Row,
  due: SQL | undefined,
  failure: { error: unknown; attempts: number },
): Promise<boolean> {
  const cause = failure.error instanceof Error ? failure.error.message : String(failure.error);
  const reason =
    `the scheduled run due at ${row.nextRunAt} could not start ` +
    `(${failure.attempts} attempts): ${cause}`;
  try {
    await inTransaction(await queueContext(database, row.teamId), async (tx) => {
      const current = await lockStillDue(tx, kind, row, due);
      if (current) await recordRunNotStarted(tx, kind.runJob(current), reason);
    });
    logger().error({ err: failure.error, [kind.name]: row.id }, reason);
    return true;
  } catch (error) {
    logger().error(
      { err: error, cause: failure.error, [kind.name]: row.id },
      'a scheduled run keeps failing to start and its failure could not be recorded; it stays due',
    );
    return false;
  }
}
