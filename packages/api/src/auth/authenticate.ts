import { and, apiKeys, eq, isNull, teams, type Database } from '@opsledger/db';
import type { Role } from '@opsledger/domain';
import { hashApiKeySecret } from './api-key-secret';
import { noteCredentialUse } from './last-used';

/** Who is calling: always one team, from the credential, never from input. */
export interface Caller {
  team: { id: string; slug: string; name: string };
  keyId: string;
  role: Role;
}

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

  await noteCredentialUse(
    database,
    apiKeys,
    and(eq(apiKeys.teamId, row.teamId), eq(apiKeys.id, row.keyId)),
  );
  return {
    team: { id: row.teamId, slug: row.slug, name: row.name },
    keyId: row.keyId,
    role: row.role,
  };
}
