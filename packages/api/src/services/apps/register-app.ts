import { randomUUID } from 'node:crypto';

import { and, apps, eq, isNull } from '@opsledger/db';
import type { App, CreateAppInput } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { conflict } from '../../errors';
import { checkAppProof } from './app-proof';
import { appFromRow } from './apps';

/**
 * Registers an app whose wallet the caller proved to hold. Apps registered before proofs
 * existed hold their DID only until someone proves it: the caller's own such app becomes
 * proven, another team's is released (it keeps its history, but the wallet's signed requests
 * now reach the caller's team). A proven app's DID stays its team's.
 */
export async function createApp({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateAppInput;
}): Promise<App> {
  const teamId = ctx.caller.team.id;
  checkAppProof(teamId, input.did, input.proof);
  const now = new Date().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const [holder] = await tx
      .select()
      .from(apps)
      .where(and(eq(apps.did, input.did), isNull(apps.releasedAt)))
      .for('update');
    if (holder?.provenAt != null) {
      throw conflict(`did: an app with DID ${input.did} is registered already, with proof`);
    }
    if (holder?.teamId === teamId) {
      await tx
        .update(apps)
        .set({ provenAt: now })
        .where(and(eq(apps.teamId, teamId), eq(apps.id, holder.id)));
      return appFromRow({ ...holder, provenAt: now });
    }
    if (holder) {
      await tx
        .update(apps)
        .set({ releasedAt: now })
        .where(and(eq(apps.teamId, holder.teamId), eq(apps.id, holder.id)));
    }
    const [row] = await tx
      .insert(apps)
      .values({
        teamId,
        id: randomUUID(),
        did: input.did,
        uuid: input.uuid ?? randomUUID(),
        name: input.name,
        description: input.description,
        createdAt: now,
        provenAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw conflict(`did: an app with DID ${input.did} (or that uuid) is registered already`);
    return appFromRow(row);
  });
}
