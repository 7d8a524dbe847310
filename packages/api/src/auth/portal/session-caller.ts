import type { Database } from '@opsledger/db';

import { notFound } from '../../errors';
import type { TeamMembership } from '../../services/members/memberships';
import type { Caller } from '../credential';
import { portalAuthOf } from './portal-auth';
import { fastSessionPerson } from './session-fast-path';

/** The HTTP header (or subscription connection parameter) naming the team a page is about. */
export const TEAM_HEADER = 'x-opsledger-team';

/** The person a portal session cookie belongs to. */
export interface Person {
  userId: string;
  email: string;
}

/** A signed-in person, with their teams when reading the session read them too. */
export interface SignedIn {
  person: Person;
  teams: TeamMembership[] | null;
}

/**
 * The signed-in person of these request headers; null without a valid session cookie. A live
 * session not due for extension is read in one query with the person's teams (see
 * session-fast-path.ts); any other cookie goes through Better Auth's getSession, which
 * decides, extends or clears it.
 */
export async function signedInOf(database: Database, headers: Headers): Promise<SignedIn | null> {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  const auth = portalAuthOf(database);
  const fast = await fastSessionPerson(auth, database, cookie);
  if (fast) return fast;
  const session = await auth.api.getSession({ headers });
  return session
    ? { person: { userId: session.user.id, email: session.user.email }, teams: null }
    : null;
}

/**
 * The person acting in the team they named, with the role of their membership among `teams`
 * (all of theirs). A team they do not belong to is refused exactly as one that does not exist:
 * nothing is learned of it.
 */
export function memberCaller(
  person: Person,
  teams: readonly TeamMembership[],
  teamSlug: string,
): Caller {
  const membership = teams.find(({ team }) => team.slug === teamSlug);
  if (!membership) throw notFound(`${TEAM_HEADER}: team ${teamSlug}`);
  return {
    team: membership.team,
    credential: { kind: 'member', userId: person.userId },
    role: membership.role,
  };
}
