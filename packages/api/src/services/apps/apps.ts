import { and, apps, asc, eq, type InferSelectModel } from '@opsledger/db';
import type { App } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { isoInstant, isoInstantOrNull } from '../sql-instant';

export const appFromRow = (row: InferSelectModel<typeof apps>): App => ({
  id: row.id,
  did: row.did,
  uuid: row.uuid,
  name: row.name,
  description: row.description,
  createdAt: isoInstant(row.createdAt),
  provenAt: isoInstantOrNull(row.provenAt),
  releasedAt: isoInstantOrNull(row.releasedAt),
});

export async function listApps({ ctx }: { ctx: ServiceContext }): Promise<App[]> {
  const rows = await ctx.database.db
    .select()
    .from(apps)
    .where(eq(apps.teamId, ctx.caller.team.id))
    .orderBy(asc(apps.name), asc(apps.id));
  return rows.map(appFromRow);
}

/**
 * The caller's app with this DID; another team's app is as absent as a missing one. A
 * released app is still found: its history stays its team's to read and extend.
 */
export async function findAppByDid(ctx: ServiceContext, did: string): Promise<App> {
  const [row] = await ctx.database.db
    .select()
    .from(apps)
    .where(and(eq(apps.teamId, ctx.caller.team.id), eq(apps.did, did)));
  if (!row) throw notFound(`appDid: app ${did}`);
  return appFromRow(row);
}

export async function getApp({ ctx, input }: { ctx: ServiceContext; input: { did: string } }) {
  return findAppByDid(ctx, input.did);
}
