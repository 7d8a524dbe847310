import type { Database } from '@opsledger/db';
import type { Role } from '@opsledger/domain';

import { handlePortalAuth } from '../auth/portal/portal-auth-handler';
import { createPortalCaller } from '../caller';
import { addMembership } from '../services/members/memberships';

/** Where Better Auth believes the portal is, unless start-up configured another URL. */
const PORTAL = 'http://localhost:3000';

/** The `name=value` pairs of a response's cookies, as a browser would send them back. */
export const cookieHeaderOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/** A portal sign-in as the browser's form sends it; the answer as the browser sees it. */
export function signInRequest(email: string, password: string, clientAddress = '203.0.113.9') {
  return new Request(`${PORTAL}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: PORTAL,
      'x-forwarded-for': clientAddress,
    },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in; the session cookie, or null when the sign-in was refused. */
export async function signInToPortal(
  database: Database,
  email: string,
  password: string,
): Promise<string | null> {
  const response = await handlePortalAuth(signInRequest(email, password), database);
  return response.ok ? cookieHeaderOf(response) : null;
}

/** A new person in the team with this role, signed in: their caller acts in that team. */
export async function newMember(
  database: Database,
  team: { id: string; slug: string },
  role: Role,
) {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@people.example`;
  const added = await addMembership(database, team, { email, role });
  if (!added.password) throw new Error('a new person must get an initial password');
  const cookie = await signInToPortal(database, email, added.password);
  if (!cookie) throw new Error(`${email} could not sign in with their initial password`);
  return {
    email,
    password: added.password,
    userId: added.userId,
    cookie,
    /** The person's caller in the team named by `slug` (theirs by default). */
    in: (slug: string | null = team.slug) => createPortalCaller(database, cookie, slug),
  };
}
