import { accessKeys, and, eq, isNull, teams, type Database } from '@opsledger/db';
import { openCredentialSecret } from '../../secrets/credential-secrets';
import type { Caller } from '../authenticate';
import { noteCredentialUse } from '../last-used';
import type { PresentedAccessKey } from './presented-access-key';
import { verifyAccessKey } from './verify-access-key';

/** The team and role of a valid, unrevoked access key; null for anything else. */
export async function authenticateAccessKey(
  database: Database,
  presented: PresentedAccessKey,
  nowMs = Date.now(),
): Promise<Caller | null> {
  const [row] = await database.db
    .select({
      key: {
        id: accessKeys.id,
        alg: accessKeys.alg,
        publicKey: accessKeys.publicKey,
        sharedSecret: accessKeys.sharedSecret,
      },
      role: accessKeys.role,
      teamId: teams.id,
      slug: teams.slug,
      name: teams.name,
    })
    .from(accessKeys)
    .innerJoin(teams, eq(teams.id, accessKeys.teamId))
    .where(and(eq(accessKeys.id, presented.id), isNull(accessKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  const stored = row.key.sharedSecret;
  const sharedSecret =
    stored === null
      ? null
      : await openCredentialSecret(
          database,
          { kind: 'access-key', teamId: row.teamId, id: row.key.id },
          stored,
        );
  if (!verifyAccessKey(presented, { ...row.key, sharedSecret }, nowMs)) return null;

  await noteCredentialUse(
    database,
    accessKeys,
    and(eq(accessKeys.teamId, row.teamId), eq(accessKeys.id, row.key.id)),
    nowMs,
  );
  return {
    team: { id: row.teamId, slug: row.slug, name: row.name },
    keyId: row.key.id,
    role: row.role,
  };
}
