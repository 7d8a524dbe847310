import { and, backups, eq, syncRuns } from '@opsledger/db';

import type { DemoContext } from './demo-context';

/**
 * The API stamps backups and sync runs with the time it receives each call, so a history of
 * two months cannot be written through it. The demo moves each finished run back to when it
 * "happened"; the events its transitions appended keep their real time, as they must.
 */
export interface RunTimes {
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const lastOf = (times: RunTimes) => times.finishedAt ?? times.startedAt ?? times.createdAt;

export async function backdateBackup(ctx: DemoContext, id: string, times: RunTimes) {
  await ctx.database.db
    .update(backups)
    .set({
      createdAt: times.createdAt.toISOString(),
      updatedAt: lastOf(times).toISOString(),
      startedAt: times.startedAt?.toISOString() ?? null,
      finishedAt: times.finishedAt?.toISOString() ?? null,
    })
    .where(and(eq(backups.teamId, ctx.teamId), eq(backups.id, id)));
}

export async function backdateSyncRun(ctx: DemoContext, id: string, times: RunTimes) {
  await ctx.database.db
    .update(syncRuns)
    .set({ createdAt: times.createdAt.toISOString(), updatedAt: lastOf(times).toISOString() })
    .where(and(eq(syncRuns.teamId, ctx.teamId), eq(syncRuns.id, id)));
}
