import { eq, teams, type Database } from '@opsledger/db';
import type { Team } from '@opsledger/domain';

import { authenticateApiKey, keyCaller } from '../auth/authenticate';
import { ServiceError } from '../errors';
import { createApiKey } from '../services/api-keys/api-keys';
import { createTeam } from '../services/teams/create-team';
import { teamFromRow } from '../services/teams/team-from-row';

/** Where a process keeps the owner keys it hands to its operator (credentials.json). */
export interface CredentialsStore {
  /** The key kept for this team, if any. */
  keyFor(teamSlug: string): Promise<string | null>;
  /** Keeps a new owner key for this team. */
  save(teamSlug: string, key: string): Promise<void>;
  /** The portal account kept for this team's owner, if any. */
  portalAccount(teamSlug: string): Promise<PortalAccount | null>;
  /** Keeps the owner's portal account (after the team's key: the file exists by then). */
  savePortalAccount(teamSlug: string, account: PortalAccount): Promise<void>;
}

/** How the team's owner signs in to the portal. */
export interface PortalAccount {
  email: string;
  password: string;
}

export interface TeamCredentials {
  team: Team;
  ownerKey: string;
  /** The team was founded by this call (so it has no data yet). */
  created: boolean;
}

async function findTeam(database: Database, slug: string): Promise<Team | null> {
  const [row] = await database.db.select().from(teams).where(eq(teams.slug, slug));
  return row ? teamFromRow(row) : null;
}

async function foundTeam(database: Database, team: { slug: string; name: string }) {
  try {
    return await createTeam(database, team);
  } catch (error) {
    // Another process sharing the PostgreSQL database founded it a moment ago.
    if (error instanceof ServiceError && error.code === 'CONFLICT') return null;
    throw error;
  }
}

/**
 * A team and an owner key the store holds for it. The first call founds the team; later calls
 * reuse the stored key, or, when this store has no working key (a fresh data directory in
 * front of a shared PostgreSQL, a revoked key), issue a new owner key rather than lock the
 * operator out.
 */
export async function ensureTeamCredentials(
  database: Database,
  team: { slug: string; name: string },
  store: CredentialsStore,
): Promise<TeamCredentials> {
  const existing = await findTeam(database, team.slug);
  if (!existing) {
    const founded = await foundTeam(database, team);
    if (founded) {
      await store.save(team.slug, founded.ownerKey.secret);
      return { team: founded.team, ownerKey: founded.ownerKey.secret, created: true };
    }
  }
  const found = existing ?? (await findTeam(database, team.slug));
  if (!found) throw new Error(`team ${team.slug} vanished while starting`);

  const kept = await store.keyFor(team.slug);
  const caller = kept ? await authenticateApiKey(database, kept) : null;
  if (kept && caller?.team.id === found.id && caller.role === 'owner') {
    return { team: found, ownerKey: kept, created: false };
  }
  const issued = await createApiKey({
    // The process itself acts as the team's owner here: there is no key to act with yet.
    ctx: { database, caller: keyCaller(found, 'start-up', 'owner') },
    input: { role: 'owner', name: 'owner (issued at start-up)' },
  });
  await store.save(team.slug, issued.secret);
  return { team: found, ownerKey: issued.secret, created: false };
}
