import { accessKeys, and, eq, isNull, lt, or, teams, type Database } from '@opsledger/db';
import type { Caller } from '../authenticate';
import type { PresentedAccessKey } from './presented-access-key';
import { verifyAccessKey } from './verify-access-key';

/** last_used_at is a hint, not an audit trail: write it at most once a minute per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

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
  if (!row || !verifyAccessKey(presented, row.key, nowMs)) return null;

  const now = new Date(nowMs);
  const stale = new Date(nowMs - LAST_USED_RESOLUTION_MS).toISOString();
  await database.db
    .update(accessKeys)
    .set({ lastUsedAt: now.toISOString() })
    .where(
      and(
        eq(accessKeys.teamId, row.teamId),
        eq(accessKeys.id, row.key.id),
        or(isNull(accessKeys.lastUsedAt), lt(accessKeys.lastUsedAt, stale)),
      ),
    );
  return {
    team: { id: row.teamId, slug: row.slug, name: row.name },
    keyId: row.key.id,
    role: row.role,
  };
}
