import { and, desc, eq, hblockUsers, isNull, type InferSelectModel } from '@opsledger/db';
import {
  CREDENTIAL_KINDS,
  type CreatedHBlockUser,
  type CreateHBlockUserInput,
  type HBlockUser,
  type RevokeHBlockUserInput,
} from '@opsledger/domain';

import { generateHBlockSecret } from '../../auth/hblock-users/hblock-secret';
import { hblockUserNamed } from '../../auth/hblock-users/hblock-user-name';
import type { ServiceContext } from '../../context';
import { conflict } from '../../errors';
import { sealCredentialSecret } from '../../secrets/credential-secrets';
import {
  checkMayGrant,
  credentialTimesOf,
  revokeCredential,
} from '../credentials/credential-rules';

const hblockUserFromRow = (row: InferSelectModel<typeof hblockUsers>): HBlockUser => ({
  userName: row.userName,
  role: row.role,
  ...credentialTimesOf(row),
});

export async function createHBlockUser({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateHBlockUserInput;
}): Promise<CreatedHBlockUser> {
  checkMayGrant(ctx, CREDENTIAL_KINDS.hblockUser, input.role);
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
  const revoked = await revokeCredential(ctx, CREDENTIAL_KINDS.hblockUser, {
    find: async () => (await ctx.database.db.select().from(hblockUsers).where(inTeam))[0],
    markRevoked: async (revokedAt) =>
      (
        await ctx.database.db
          .update(hblockUsers)
          .set({ revokedAt })
          .where(and(inTeam, isNull(hblockUsers.revokedAt)))
          .returning()
      )[0],
  });
  return hblockUserFromRow(revoked);
}
