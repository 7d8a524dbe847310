import type { Database } from '@opsledger/db';
import type { Team } from '@opsledger/domain';

import { ServiceError } from '../errors';
import { addMembership, membershipOf } from '../services/members/memberships';
import { findPerson, resetPassword } from '../services/members/people';
import type { CredentialsStore, PortalAccount } from './team-credentials';

/** The demo team owner's address: `.example` is reserved, so it is nobody's real one. */
export const ownerEmailOf = (teamSlug: string) => `owner@${teamSlug}.opsledger.example`;

/**
 * The team owner's portal account, kept in the store. The first start creates the person with
 * a generated password; later starts keep what the store holds. When the store has no password
 * for them (a fresh data directory in front of a shared PostgreSQL), the person gets a new one
 * rather than the operator being locked out, as with the owner key.
 */
export async function ensurePortalOwner(
  database: Database,
  team: Team,
  store: CredentialsStore,
): Promise<PortalAccount> {
  const email = ownerEmailOf(team.slug);
  const kept = await store.portalAccount(team.slug);
  const person = await findPerson(database, email);
  if (person && (await membershipOf(database, person.id, team.slug))) {
    if (kept?.email === email) return kept;
    const account = { email, password: await resetPassword(database, person.id) };
    await store.savePortalAccount(team.slug, account);
    return account;
  }
  let added;
  try {
    added = await addMembership(database, team, { email, role: 'owner' });
  } catch (error) {
    // Another process sharing the database made the owner a moment ago: take over its password.
    if (!(error instanceof ServiceError && error.code === 'CONFLICT')) throw error;
    return ensurePortalOwner(database, team, store);
  }
  const password = added.password ?? (await resetPassword(database, added.userId));
  const account = { email, password };
  await store.savePortalAccount(team.slug, account);
  return account;
}
