import { and, apiKeys, eq, isNull, lt, or, teams, type Database } from '@opsledger/db';
import type { Role } from '@opsledger/domain';
import { hashApiKeySecret } from './api-key-secret';

/** Who is calling: always one team, from the credential, never from input. */
export interface Caller {
  team: { id: string; slug: string; name: string };
  keyId: string;
  role: Role;
}

/** last_used_at is a hint, not an audit trail: write it at most once a minute per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiKey(
  database: Database,
  secret: string,
): Promise<Caller | null> {
  const [row] = await database.db
    .select({
      keyId: apiKeys.id,
      role: apiKeys.role,
      teamId: teams.id,
      slug: teams.slug,
      name: teams.name,
    })
    .from(apiKeys)
    .innerJoin(teams, eq(teams.id, apiKeys.teamId))
    .where(and(eq(apiKeys.secretHash, hashApiKeySecret(secret)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;

  const now = new Date();
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  await database.db
    .update(apiKeys)
    .set({ lastUsedAt: now.toISOString() })
    .where(
      and(
        eq(apiKeys.teamId, row.teamId),
        eq(apiKeys.id, row.keyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale)),
      ),
    );
  return {
    team: { id: row.teamId, slug: row.slug, name: row.name },
    keyId: row.keyId,
    role: row.role,
  };
}
