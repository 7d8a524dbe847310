import type { Database } from '@opsledger/db';

import { retryAfterHeaders, TooManyRequestsError } from '../../errors';
import { clientAddressOf } from '../../http/client-address';
import { normalEmail } from '../../services/members/people';
import { guardAuthentication } from '../failed-auth/failed-auth-guard';
import { portalAuthOf } from './portal-auth';

const SIGN_IN_PATH = '/api/auth/sign-in/email';

/** The address a sign-in names, for its failure budget; '' when the body names none. */
async function emailOf(request: Request): Promise<string> {
  try {
    const body: unknown = await request.clone().json();
    const email = (body as { email?: unknown } | null)?.email;
    return typeof email === 'string' ? normalEmail(email) : '';
  } catch {
    return '';
  }
}

/**
 * A password sign-in, counted against the same failure budgets as every other credential:
 * per address signed in to and per client address. A spent budget is refused (429) before the
 * password is checked; a wrong password (Better Auth's 401) counts against both.
 */
async function signIn(request: Request, database: Database, clientAddress: string | null) {
  const email = await emailOf(request);
  let refused: Response | null = null;
  try {
    const attempt = { scheme: 'portal-sign-in' as const, credential: email, clientAddress };
    const signedIn = await guardAuthentication(
      database,
      { ...attempt, guessable: true },
      async () => {
        const response = await portalAuthOf(database).handler(request);
        if (response.status !== 401) return { ok: response };
        refused = response;
        return { failed: 'wrong-password', owner: null };
      },
    );
    return signedIn ?? refused ?? Response.json({ message: 'sign-in refused' }, { status: 401 });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return Response.json(
      { code: 'TOO_MANY_REQUESTS', message: error.message },
      { status: 429, headers: retryAfterHeaders(error) },
    );
  }
}

/**
 * The portal's sign-in, sign-out and session endpoints (Better Auth under /api/auth). Sign-ins
 * go through the failure budgets first.
 */
export async function handlePortalAuth(
  request: Request,
  database: Database,
  clientAddress?: string,
): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method === 'POST' && path === SIGN_IN_PATH) {
    return signIn(request, database, clientAddressOf(request.headers, clientAddress));
  }
  return portalAuthOf(database).handler(request);
}
