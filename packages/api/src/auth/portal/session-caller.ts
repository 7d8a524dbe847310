import type { Database } from '@opsledger/db';

import { notFound } from '../../errors';
import { membershipOf } from '../../services/members/memberships';
import type { Caller } from '../credential';
import { portalAuthOf } from './portal-auth';

/** The HTTP header (or subscription connection parameter) naming the team a page is about. */
export const TEAM_HEADER = 'x-opsledger-team';

/** The person a portal session cookie belongs to. */
export interface Person {
  userId: string;
  email: string;
}

/** The signed-in person of these request headers; null without a valid session cookie. */
export async function personOf(database: Database, headers: Headers): Promise<Person | null> {
  if (!headers.get('cookie')) return null;
  const session = await portalAuthOf(database).api.getSession({ headers });
  return session ? { userId: session.user.id, email: session.user.email } : null;
}

/**
 * The person acting in the team they named, with the role of their membership. A team they
 * do not belong to is refused exactly as one that does not exist: nothing is learned of it.
 */
export async function memberCaller(
  database: Database,
  person: Person,
  teamSlug: string,
): Promise<Caller> {
  const membership = await membershipOf(database, person.userId, teamSlug);
  if (!membership) throw notFound(`${TEAM_HEADER}: team ${teamSlug}`);
  return {
    team: membership.team,
    credential: { kind: 'member', userId: person.userId },
    role: membership.role,
  };
}
