import { randomUUID } from 'node:crypto';

import { and, apiKeys, desc, eq, isNull, type InferSelectModel } from '@opsledger/db';
import {
  canGrant,
  type ApiKey,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from '@opsledger/domain';

import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from '../../auth/api-key-secret';
import type { ServiceContext } from '../../context';
import { forbidden, invalidField, notFound } from '../../errors';
import { isoInstant, isoInstantOrNull } from '../sql-instant';

const apiKeyFromRow = (row: InferSelectModel<typeof apiKeys>): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  createdAt: isoInstant(row.createdAt),
  lastUsedAt: isoInstantOrNull(row.lastUsedAt),
  revokedAt: isoInstantOrNull(row.revokedAt),
});

export async function createApiKey({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateApiKeyInput;
}): Promise<CreatedApiKey> {
  if (!canGrant(ctx.caller.role, input.role)) {
    throw forbidden(`role: a ${ctx.caller.role} key may not create ${input.role} keys`);
  }
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
  if (input.id === ctx.caller.keyId) throw invalidField('id', 'a key cannot revoke itself');
  const [target] = await ctx.database.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.teamId, ctx.caller.team.id), eq(apiKeys.id, input.id)));
  if (!target) throw notFound('id: api key');
  if (!canGrant(ctx.caller.role, target.role)) {
    throw forbidden(`id: a ${ctx.caller.role} key may not revoke ${target.role} keys`);
  }
  const [row] = await ctx.database.db
    .update(apiKeys)
    .set({ revokedAt: new Date().toISOString() })
    .where(
      and(
        eq(apiKeys.teamId, ctx.caller.team.id),
        eq(apiKeys.id, input.id),
        isNull(apiKeys.revokedAt),
      ),
    )
    .returning();
  return apiKeyFromRow(row ?? target);
}
