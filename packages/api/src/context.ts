import { TRPCError } from '@trpc/server';

import type { Database } from '@opsledger/db';

import { bearerToken } from './auth/api-key-secret';
import { authenticateApiKey, type Caller } from './auth/authenticate';
import { memberCaller, signedInOf, type Person } from './auth/portal/session-caller';
import { TooManyRequestsError } from './errors';
import { teamsOf, type TeamMembership } from './services/members/memberships';

export interface Context {
  database: Database;
  caller: Caller | null;
  /** The person signed in to the portal (session cookie), whichever team they named or not. */
  person: Person | null;
  /**
   * The person's teams, when resolving their session or the team they named already read
   * them: a page that checks the membership and lists the teams (account.me) reads them once.
   */
  personTeams: TeamMembership[] | null;
  /** Whether a credential was presented at all (a wrong one is 401, not 403). */
  presentedCredential: boolean;
}

/** The key's caller; a key or address that failed too often is refused as tRPC's 429. */
async function callerOf(database: Database, secret: string, clientAddress: string | null) {
  try {
    return await authenticateApiKey(database, secret, clientAddress);
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
  }
}

/**
 * One context for both credentials: an API key (Authorization: Bearer) decides the team and
 * role itself; a portal session cookie names a person, who acts in the team the request names
 * (`teamSlug`: the x-opsledger-team header) with the role of their membership. Either way the
 * procedures see the same `Caller`, so their tenancy and permissions are one.
 */
export async function createContext(opts: {
  database: Database;
  authorization: string | null | undefined;
  /** The request's headers, for the portal's session cookie. */
  headers?: Headers | null;
  /** The team a portal request acts in; unset: the person's own procedures only. */
  teamSlug?: string | null;
  /** The client's address over HTTP; null for an in-process caller. */
  clientAddress?: string | null;
}): Promise<Context> {
  const { database } = opts;
  const secret = bearerToken(opts.authorization);
  if (secret) {
    const caller = await callerOf(database, secret, opts.clientAddress ?? null);
    return { database, caller, person: null, personTeams: null, presentedCredential: true };
  }
  const signedIn = opts.headers ? await signedInOf(database, opts.headers) : null;
  if (!signedIn) {
    return { database, caller: null, person: null, personTeams: null, presentedCredential: false };
  }
  const { person } = signedIn;
  if (!opts.teamSlug) {
    return {
      database,
      caller: null,
      person,
      personTeams: signedIn.teams,
      presentedCredential: true,
    };
  }
  // The membership of the named team is among all of theirs (often read with the session).
  const personTeams = signedIn.teams ?? (await teamsOf(database, person.userId));
  const caller = memberCaller(person, personTeams, opts.teamSlug);
  return { database, caller, person, personTeams, presentedCredential: true };
}

/** What every service receives: the database and the authenticated team. */
export interface ServiceContext {
  database: Database;
  caller: Caller;
}
