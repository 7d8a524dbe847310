import { and, apps, asc, eq, type InferSelectModel } from '@opsledger/db';
import type { App, CreateAppInput } from '@opsledger/domain';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../context';
import { isoInstant } from '../sql-instant';
import { conflict, notFound } from '../../errors';

const appFromRow = (row: InferSelectModel<typeof apps>): App => ({
  id: row.id,
  did: row.did,
  uuid: row.uuid,
  name: row.name,
  description: row.description,
  createdAt: isoInstant(row.createdAt),
});

export async function createApp({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateAppInput;
}): Promise<App> {
  const [row] = await ctx.database.db
    .insert(apps)
    .values({
      teamId: ctx.caller.team.id,
      id: randomUUID(),
      did: input.did,
      uuid: input.uuid ?? randomUUID(),
      name: input.name,
      description: input.description,
      createdAt: new Date().toISOString(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw conflict(`did: an app with DID ${input.did} (or that uuid) is registered already`);
  return appFromRow(row);
}

export async function listApps({ ctx }: { ctx: ServiceContext }): Promise<App[]> {
  const rows = await ctx.database.db
    .select()
    .from(apps)
    .where(eq(apps.teamId, ctx.caller.team.id))
    .orderBy(asc(apps.name), asc(apps.id));
  return rows.map(appFromRow);
}

/** The caller's app with this DID; another team's app is as absent as a missing one. */
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
