import type { BetterAuthOptions } from 'better-auth';
import { getCryptoKey } from 'better-auth/crypto';
import { parseCookies } from 'better-call';

import type { Database } from '@opsledger/db';

import {
  parsePersonTeams,
  personTeamsJson,
  type TeamMembership,
} from '../../services/members/memberships';
import type { PortalAuth } from './portal-auth';

type AuthContext = Awaited<PortalAuth['$context']>;

/** The person of a session and their teams, as the fast path reads them. */
interface SessionPerson {
  person: { userId: string; email: string };
  teams: TeamMembership[];
}

/**
 * The session's person and their teams in one statement. The expiry as epoch milliseconds,
 * truncated as a JavaScript Date would hold it.
 */
const SESSION_PERSON_SQL =
  `select u.id as user_id, u.email,` +
  ` floor(extract(epoch from s.expires_at) * 1000)::float8 as expires_at_ms,` +
  ` ${personTeamsJson('u.id')} as teams` +
  ` from auth_sessions s join auth_users u on u.id = s.user_id where s.token = $1`;

/** Better Auth's signature of a cookie value: base64 HMAC-SHA256, 44 characters with padding. */
const SIGNATURE_LENGTH = 44;

/** The HMAC key of each Better Auth instance's secret, imported once rather than per request. */
const keys = new WeakMap<AuthContext, Promise<CryptoKey>>();
const keyOf = (context: AuthContext) => {
  let key = keys.get(context);
  if (!key) {
    key = getCryptoKey(context.secret);
    keys.set(context, key);
  }
  return key;
};

/**
 * The session token of a signed session cookie, checked exactly as better-call's
 * `getSignedCookie` does for Better Auth's getSession (same cookie parser, same split at the
 * last dot, same HMAC-SHA256 verification); null when it is absent, malformed or not signed
 * with this secret.
 */
async function verifiedSessionToken(
  context: AuthContext,
  cookieHeader: string,
): Promise<string | null> {
  const value = parseCookies(cookieHeader).get(context.authCookies.sessionToken.name);
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.substring(0, dot);
  const signature = value.substring(dot + 1);
  if (signature.length !== SIGNATURE_LENGTH || !signature.endsWith('=')) return null;
  let binary: string;
  try {
    binary = atob(signature);
  } catch {
    return null;
  }
  const signatureBytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) signatureBytes[i] = binary.charCodeAt(i);
  const verified = await crypto.subtle.verify(
    'HMAC',
    await keyOf(context),
    signatureBytes,
    new TextEncoder().encode(token),
  );
  return verified ? token : null;
}

/**
 * Whether Better Auth's getSession would do nothing for this instance but read the session:
 * sessions in the database only, no cookie cache, no plugins or hooks that could change what
 * it answers.
 */
function plainSessions(context: AuthContext): boolean {
  // As any configuration's options: a later change to portal-auth.ts is caught here.
  const options: BetterAuthOptions = context.options;
  return (
    !options.secondaryStorage &&
    options.session?.cookieCache?.enabled !== true &&
    !options.plugins?.length &&
    !options.hooks
  );
}

/**
 * The signed-in person of a request and their teams, resolved without Better Auth's endpoint
 * pipeline for the common case only: a correctly signed session cookie whose session and
 * user exist (one query, which also lists their teams), that has not expired and is not yet
 * due for its sliding refresh (`updateAge`).
 * `undefined` for everything else (no or odd cookie, a bad signature, a revoked or expired
 * session, a session to extend): Better Auth's getSession must answer those itself, so its
 * refusals, its clean-up of expired sessions and its extension of sessions in use are its own.
 */
export async function fastSessionPerson(
  auth: PortalAuth,
  database: Database,
  cookieHeader: string,
): Promise<SessionPerson | undefined> {
  const context = await auth.$context;
  if (!plainSessions(context)) return undefined;
  const token = await verifiedSessionToken(context, cookieHeader);
  if (!token) return undefined;
  const [row] = await database.query<{
    user_id: string;
    email: string;
    expires_at_ms: number;
    teams: string;
  }>(SESSION_PERSON_SQL, [token]);
  if (!row) return undefined;
  const now = Date.now();
  const expiresAt = Number(row.expires_at_ms);
  // Better Auth's own test: the session was last extended updateAge ago or more.
  const { expiresIn, updateAge } = context.sessionConfig;
  const dueForRefresh = expiresAt - expiresIn * 1000 + updateAge * 1000 <= now;
  if (expiresAt < now || dueForRefresh) return undefined;
  return {
    person: { userId: row.user_id, email: row.email },
    teams: parsePersonTeams(row.teams),
  };
}
