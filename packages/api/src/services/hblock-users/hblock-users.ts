import { and, desc, eq, hblockUsers, isNull, type InferSelectModel } from '@opsledger/db';
import {
  canGrant,
  type CreatedHBlockUser,
  type CreateHBlockUserInput,
  type HBlockUser,
  type RevokeHBlockUserInput,
} from '@opsledger/domain';

import { generateHBlockSecret } from '../../auth/hblock-users/hblock-secret';
import { hblockUserNamed } from '../../auth/hblock-users/hblock-user-name';
import type { ServiceContext } from '../../context';
import { conflict, forbidden, notFound } from '../../errors';
import { sealCredentialSecret } from '../../secrets/credential-secrets';
import { isoInstant, isoInstantOrNull } from '../sql-instant';

const hblockUserFromRow = (row: InferSelectModel<typeof hblockUsers>): HBlockUser => ({
  userName: row.userName,
  role: row.role,
  createdAt: isoInstant(row.createdAt),
  lastUsedAt: isoInstantOrNull(row.lastUsedAt),
  revokedAt: isoInstantOrNull(row.revokedAt),
});

export async function createHBlockUser({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateHBlockUserInput;
}): Promise<CreatedHBlockUser> {
  if (!canGrant(ctx.caller.role, input.role)) {
    throw forbidden(`role: a ${ctx.caller.role} key may not create ${input.role} users`);
  }
  const secret = generateHBlockSecret();
  const teamId = ctx.caller.team.id;
  const sealed = sealCredentialSecret(
    ctx.database,
    { kind: 'hblock-user', teamId, id: input.name },
    secret,
  );
  const [row] = await ctx.database.db
    .insert(hblockUsers)
    .values({
      teamId,
      userName: input.name,
      role: input.role,
      sharedSecret: sealed,
      createdAt: new Date().toISOString(),
    })
    // Names are unique across teams and cases (the header names the user alone, in any case):
    // say only that it is taken.
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict(`name: the HBlock user name ${input.name} is taken`);
  return { userName: row.userName, secret, role: row.role };
}

export async function listHBlockUsers({ ctx }: { ctx: ServiceContext }): Promise<HBlockUser[]> {
  const rows = await ctx.database.db
    .select()
    .from(hblockUsers)
    .where(eq(hblockUsers.teamId, ctx.caller.team.id))
    .orderBy(desc(hblockUsers.createdAt));
  return rows.map(hblockUserFromRow);
}

export async function revokeHBlockUser({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RevokeHBlockUserInput;
}): Promise<HBlockUser> {
  const inTeam = and(eq(hblockUsers.teamId, ctx.caller.team.id), hblockUserNamed(input.name));
  const [target] = await ctx.database.db.select().from(hblockUsers).where(inTeam);
  if (!target) throw notFound('name: HBlock user');
  if (!canGrant(ctx.caller.role, target.role)) {
    throw forbidden(`name: a ${ctx.caller.role} key may not revoke ${target.role} users`);
  }
  const [row] = await ctx.database.db
    .update(hblockUsers)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(inTeam, isNull(hblockUsers.revokedAt)))
    .returning();
  return hblockUserFromRow(row ?? target);
}
