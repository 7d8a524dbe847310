import { randomUUID } from 'node:crypto';

import { apiKeys, teams, type Database } from '@opsledger/db';
import type { CreatedApiKey, CreateTeamInput, Team } from '@opsledger/domain';

import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from '../../auth/api-key-secret';
import { conflict } from '../../errors';
import { teamFromRow } from './team-from-row';

/**
 * Creates a team with its first owner key. Not a team procedure: the new team is not the
 * caller's; the key returned is the only credential for it.
 */
export async function createTeam(
  database: Database,
  input: CreateTeamInput,
): Promise<{ team: Team; ownerKey: CreatedApiKey }> {
  const now = new Date().toISOString();
  const secret = generateApiKeySecret();
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({ id: randomUUID(), slug: input.slug, name: input.name, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`slug: a team named ${input.slug} exists already`);
    const keyId = randomUUID();
    await tx.insert(apiKeys).values({
      teamId: row.id,
      id: keyId,
      name: 'owner',
      role: 'owner',
      prefix: displayPrefix(secret),
      secretHash: hashApiKeySecret(secret),
      createdAt: now,
    });
    return { team: teamFromRow(row), ownerKey: { id: keyId, secret, role: 'owner' } };
  });
}
