import { and, apiKeys, eq, teams, type Database } from '@opsledger/db';

import { hashApiKeySecret } from './api-key-secret';
import { keyCaller, type Caller } from './credential';
import { guardAuthentication } from './failed-auth/failed-auth-guard';
import { noteCredentialUse } from './last-used';

export { keyCaller, type Caller, type Credential } from './credential';

/**
 * The caller of an API key; null for an unknown or revoked one. Throws TooManyRequestsError
 * when the key or the client address has failed too often to be checked now.
 */
export async function authenticateApiKey(
  database: Database,
  secret: string,
  clientAddress: string | null = null,
): Promise<Caller | null> {
  const secretHash = hashApiKeySecret(secret);
  // The digest, not the secret, is what the failure budget counts (it is never written out).
  const attempt = { scheme: 'api-key' as const, credential: secretHash, clientAddress };
  return guardAuthentication<Caller>(database, attempt, async () => {
    const [row] = await database.db
      .select({
        keyId: apiKeys.id,
        role: apiKeys.role,
        revokedAt: apiKeys.revokedAt,
        team: { id: teams.id, slug: teams.slug, name: teams.name },
      })
      .from(apiKeys)
      .innerJoin(teams, eq(teams.id, apiKeys.teamId))
      .where(eq(apiKeys.secretHash, secretHash))
      .limit(1);
    if (!row) return { failed: 'unknown-key', owner: null };
    // A revoked key still names its team: the team learns someone still uses it.
    if (row.revokedAt !== null) {
      return { failed: 'revoked-key', owner: { team: row.team, credentialId: row.keyId } };
    }
    await noteCredentialUse(
      database,
      apiKeys,
      and(eq(apiKeys.teamId, row.team.id), eq(apiKeys.id, row.keyId)),
    );
    return { ok: keyCaller(row.team, row.keyId, row.role) };
  });
}
