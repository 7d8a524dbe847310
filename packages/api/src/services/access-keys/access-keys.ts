import { accessKeys, and, desc, eq, isNull, type InferSelectModel } from '@opsledger/db';
import {
  CREDENTIAL_KINDS,
  type AccessKey,
  type AccessKeyRef,
  type CreateAccessKeyInput,
  type CreatedAccessKey,
} from '@opsledger/domain';

import {
  generateSharedSecretKey,
  generateWalletKey,
} from '../../auth/access-keys/access-key-material';
import type { ServiceContext } from '../../context';
import { sealCredentialSecret } from '../../secrets/credential-secrets';
import {
  checkMayGrant,
  credentialTimesOf,
  revokeCredential,
} from '../credentials/credential-rules';

const accessKeyFromRow = (row: InferSelectModel<typeof accessKeys>): AccessKey => ({
  id: row.id,
  alg: row.alg,
  role: row.role,
  name: row.name,
  ...credentialTimesOf(row),
});

/**
 * A Blocklet Server access key of the caller's team. A wallet key keeps only its public key;
 * a sha256 or totp key keeps its shared secret, which its verifier needs, encrypted.
 */
export async function createAccessKey({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateAccessKeyInput;
}): Promise<CreatedAccessKey> {
  checkMayGrant(ctx, CREDENTIAL_KINDS.accessKey, input.role);
  const row = {
    teamId: ctx.caller.team.id,
    alg: input.alg,
    role: input.role,
    name: input.name,
    createdAt: new Date().toISOString(),
  };
  const common = { alg: input.alg, role: input.role, name: input.name };
  if (input.alg === 'wallet') {
    const wallet = generateWalletKey();
    await ctx.database.db
      .insert(accessKeys)
      .values({ ...row, id: wallet.did, publicKey: wallet.publicKeyHex });
    return { accessKeyId: wallet.did, accessKeySecret: wallet.secretKey, ...common };
  }
  const shared = generateSharedSecretKey();
  const sealed = sealCredentialSecret(
    ctx.database,
    { kind: 'access-key', teamId: row.teamId, id: shared.id },
    shared.secret,
  );
  await ctx.database.db.insert(accessKeys).values({ ...row, id: shared.id, sharedSecret: sealed });
  return { accessKeyId: shared.id, accessKeySecret: shared.secret, type: input.alg, ...common };
}

export async function listAccessKeys({ ctx }: { ctx: ServiceContext }): Promise<AccessKey[]> {
  const rows = await ctx.database.db
    .select()
    .from(accessKeys)
    .where(eq(accessKeys.teamId, ctx.caller.team.id))
    .orderBy(desc(accessKeys.createdAt), desc(accessKeys.id));
  return rows.map(accessKeyFromRow);
}

/** Refuses the key from now on. Revoking a revoked key is a no-op that answers the key. */
export async function revokeAccessKey({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AccessKeyRef;
}): Promise<AccessKey> {
  const ofTeam = and(eq(accessKeys.teamId, ctx.caller.team.id), eq(accessKeys.id, input.id));
  const revoked = await revokeCredential(ctx, CREDENTIAL_KINDS.accessKey, {
    find: async () => (await ctx.database.db.select().from(accessKeys).where(ofTeam))[0],
    markRevoked: async (revokedAt) =>
      (
        await ctx.database.db
          .update(accessKeys)
          .set({ revokedAt })
          .where(and(ofTeam, isNull(accessKeys.revokedAt)))
          .returning()
      )[0],
  });
  return accessKeyFromRow(revoked);
}
