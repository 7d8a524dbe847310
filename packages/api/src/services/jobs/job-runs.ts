import { eq, teams, type Database } from '@opsledger/db';

import { keyCaller } from '../../auth/authenticate';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { updateBackup } from '../backups/update-backup';
import { updateSyncRun } from '../sync-runs/update-sync-run';

/** The record a job reports on: created pending when the job is enqueued. */
export interface JobRunRef {
  kind: 'sync' | 'backup';
  id: string;
}

export const runRefOf = (data: unknown): JobRunRef | null => {
  const run = (data as { run?: JobRunRef } | null)?.run;
  return run && (run.kind === 'sync' || run.kind === 'backup') && typeof run.id === 'string'
    ? run
    : null;
};

/** The queue acting for a team (sweeps and schedules have no caller of their own). */
export async function queueContext(database: Database, teamId: string): Promise<ServiceContext> {
  const [team] = await database.db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) throw new Error(`team ${teamId} not found`);
  return { database, caller: keyCaller(team, 'job-queue', 'service') };
}

/**
 * A job that ended failed (retries used up, or its last worker vanished) leaves its run failed
 * with the last error, so the run never stays "running" forever. A run its worker already
 * finished keeps its status.
 */
export async function failRunOfJob(ctx: ServiceContext, data: unknown, error: string) {
  const run = runRefOf(data);
  if (run) await failRun(ctx, run, `the job failed after its last retry: ${error}`);
}

/** Ends a job's run failed with `reason`, whichever record (sync run or backup) it is. */
export async function failRun(ctx: ServiceContext, run: JobRunRef, reason: string) {
  try {
    if (run.kind === 'sync') {
      await updateSyncRun({ ctx, input: { id: run.id, status: 'failed', reason } });
    } else {
      await updateBackup({ ctx, input: { id: run.id, status: 'failed', message: reason } });
    }
  } catch (failure) {
    // A run already finished (succeeded) is not re-opened by a late failure.
    if (failure instanceof ServiceError && failure.code === 'CONFLICT') return;
    if ((failure as Error).name === 'IllegalTransitionError') return;
    throw failure;
  }
}
