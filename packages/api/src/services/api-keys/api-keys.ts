import { randomUUID } from 'node:crypto';

import { and, apiKeys, desc, eq, isNull, type InferSelectModel } from '@opsledger/db';
import {
  CREDENTIAL_KINDS,
  type ApiKey,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from '@opsledger/domain';

import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from '../../auth/api-key-secret';
import type { ServiceContext } from '../../context';
import { invalidField } from '../../errors';
import {
  checkMayGrant,
  credentialTimesOf,
  revokeCredential,
} from '../credentials/credential-rules';

const apiKeyFromRow = (row: InferSelectModel<typeof apiKeys>): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  ...credentialTimesOf(row),
});

export async function createApiKey({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateApiKeyInput;
}): Promise<CreatedApiKey> {
  checkMayGrant(ctx, CREDENTIAL_KINDS.apiKey, input.role);
  const secret = generateApiKeySecret();
  const id = randomUUID();
  await ctx.database.db.insert(apiKeys).values({
    teamId: ctx.caller.team.id,
    id,
    name: input.name,
    role: input.role,
    prefix: displayPrefix(secret),
    secretHash: hashApiKeySecret(secret),
    createdAt: new Date().toISOString(),
  });
  return { id, secret, role: input.role };
}

export async function listApiKeys({ ctx }: { ctx: ServiceContext }): Promise<ApiKey[]> {
  const rows = await ctx.database.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.teamId, ctx.caller.team.id))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(apiKeyFromRow);
}

export async function revokeApiKey({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const { credential } = ctx.caller;
  if (credential.kind === 'api-key' && input.id === credential.keyId)
    throw invalidField('id', 'a key cannot revoke itself');
  const ofTeam = and(eq(apiKeys.teamId, ctx.caller.team.id), eq(apiKeys.id, input.id));
  const revoked = await revokeCredential(ctx, CREDENTIAL_KINDS.apiKey, {
    find: async () => (await ctx.database.db.select().from(apiKeys).where(ofTeam))[0],
    markRevoked: async (revokedAt) =>
      (
        await ctx.database.db
          .update(apiKeys)
          .set({ revokedAt })
          .where(and(ofTeam, isNull(apiKeys.revokedAt)))
          .returning()
      )[0],
  });
  return apiKeyFromRow(revoked);
}
