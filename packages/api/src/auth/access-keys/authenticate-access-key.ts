import { accessKeys, and, eq, teams, type Database } from '@opsledger/db';

import { openCredentialSecret } from '../../secrets/credential-secrets';
import { keyCaller, type Caller } from '../authenticate';
import { guardAuthentication } from '../failed-auth/failed-auth-guard';
import { noteCredentialUse } from '../last-used';
import type { PresentedAccessKey } from './presented-access-key';
import { verifyAccessKey } from './verify-access-key';

/**
 * The team and role of a valid, unrevoked access key; null for anything else. Throws
 * TooManyRequestsError when the key id or the client address has failed too often.
 */
export async function authenticateAccessKey(
  database: Database,
  presented: PresentedAccessKey,
  nowMs = Date.now(),
  clientAddress: string | null = null,
): Promise<Caller | null> {
  const attempt = {
    scheme: 'access-key' as const,
    credential: presented.id,
    clientAddress,
    // Six digits, three of them valid at a time: every guess must be counted before it runs.
    guessable: presented.alg === 'totp',
  };
  return guardAuthentication<Caller>(database, attempt, async () => {
    const [row] = await database.db
      .select({
        key: {
          id: accessKeys.id,
          alg: accessKeys.alg,
          publicKey: accessKeys.publicKey,
          sharedSecret: accessKeys.sharedSecret,
        },
        role: accessKeys.role,
        revokedAt: accessKeys.revokedAt,
        team: { id: teams.id, slug: teams.slug, name: teams.name },
      })
      .from(accessKeys)
      .innerJoin(teams, eq(teams.id, accessKeys.teamId))
      .where(eq(accessKeys.id, presented.id))
      .limit(1);
    if (!row) return { failed: 'unknown-key', owner: null };
    const owner = { team: row.team, credentialId: row.key.id };
    if (row.revokedAt !== null) return { failed: 'revoked-key', owner };
    const stored = row.key.sharedSecret;
    const sharedSecret =
      stored === null
        ? null
        : await openCredentialSecret(
            database,
            { kind: 'access-key', teamId: row.team.id, id: row.key.id },
            stored,
          );
    if (!verifyAccessKey(presented, { ...row.key, sharedSecret }, nowMs)) {
      return { failed: 'bad-signature', owner };
    }

    await noteCredentialUse(
      database,
      accessKeys,
      and(eq(accessKeys.teamId, row.team.id), eq(accessKeys.id, row.key.id)),
      nowMs,
    );
    return { ok: keyCaller(row.team, row.key.id, row.role) };
  });
}
