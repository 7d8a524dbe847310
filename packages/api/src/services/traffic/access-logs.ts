import { and, appAccessLogs, apps, asc, eq } from '@opsledger/db';
import type { AccessLog, AccessLogList, AccessLogSetInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';
import { isoInstant } from '../sql-instant';

/** The access logs configured for the caller's apps, by app DID: what a worker tails. */
export async function listAccessLogs({ ctx }: { ctx: ServiceContext }): Promise<AccessLogList> {
  const rows = await ctx.database.db
    .select({ appDid: apps.did, path: appAccessLogs.path, updatedAt: appAccessLogs.updatedAt })
    .from(appAccessLogs)
    .innerJoin(apps, and(eq(apps.teamId, appAccessLogs.teamId), eq(apps.id, appAccessLogs.appId)))
    .where(eq(appAccessLogs.teamId, ctx.caller.team.id))
    .orderBy(asc(apps.did));
  return { list: rows.map((row) => ({ ...row, updatedAt: isoInstant(row.updatedAt) })) };
}

/**
 * Sets (or, with a null path, removes) the access log of one of the caller's apps; an unknown
 * DID is a 404 naming appDid. Answers the configuration, or null once removed.
 */
export async function setAccessLog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AccessLogSetInput;
}): Promise<AccessLog | null> {
  const teamId = ctx.caller.team.id;
  const app = await findAppByDid(ctx, input.appDid);
  const where = and(eq(appAccessLogs.teamId, teamId), eq(appAccessLogs.appId, app.id));
  if (input.path === null) {
    await ctx.database.db.delete(appAccessLogs).where(where);
    return null;
  }
  const updatedAt = new Date().toISOString();
  await ctx.database.db
    .insert(appAccessLogs)
    .values({ teamId, appId: app.id, path: input.path, updatedAt })
    .onConflictDoUpdate({
      target: [appAccessLogs.teamId, appAccessLogs.appId],
      set: { path: input.path, updatedAt },
    });
  return { appDid: app.did, path: input.path, updatedAt };
}
