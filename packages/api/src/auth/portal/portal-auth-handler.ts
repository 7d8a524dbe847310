import type { Database } from '@opsledger/db';

import { retryAfterHeaders, TooManyRequestsError } from '../../errors';
import { clientAddressOf } from '../../http/client-address';
import { normalEmail } from '../../services/members/people';
import { guardAuthentication } from '../failed-auth/failed-auth-guard';
import { portalAuthOf } from './portal-auth';

const SIGN_IN_PATH = '/api/auth/sign-in/email';
const CHANGE_PASSWORD_PATH = '/api/auth/change-password';

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

/** Better Auth's answer to a wrong current password: 400 with code INVALID_PASSWORD. */
async function isWrongCurrentPassword(response: Response): Promise<boolean> {
  if (response.status !== 400) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: unknown } | null;
  return body?.code === 'INVALID_PASSWORD';
}

/**
 * Better Auth's answer to a password checked against the failure budgets of the address it
 * belongs to (`portal-sign-in`, the budget sign-ins spend) and of the client's address. A spent
 * budget is refused (429) before the password is checked; an answer `wrongPassword` recognises
 * counts against both and is reported with `reason`.
 */
async function withPasswordBudget(
  request: Request,
  database: Database,
  attempt: { email: string; clientAddress: string | null; reason: string },
  wrongPassword: (response: Response) => boolean | Promise<boolean>,
): Promise<Response> {
  let refused: Response | null = null;
  try {
    const answered = await guardAuthentication(
      database,
      {
        scheme: 'portal-sign-in',
        credential: attempt.email,
        clientAddress: attempt.clientAddress,
        guessable: true,
      },
      async () => {
        const response = await portalAuthOf(database).handler(request);
        if (!(await wrongPassword(response))) return { ok: response };
        refused = response;
        return { failed: attempt.reason, owner: null };
      },
    );
    return answered ?? refused ?? Response.json({ message: 'password refused' }, { status: 401 });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return Response.json(
      { code: 'TOO_MANY_REQUESTS', message: error.message },
      { status: 429, headers: retryAfterHeaders(error) },
    );
  }
}

/** A password sign-in: a wrong password is Better Auth's 401. */
async function signIn(request: Request, database: Database, clientAddress: string | null) {
  const email = await emailOf(request);
  const attempt = { email, clientAddress, reason: 'wrong-password' };
  return withPasswordBudget(request, database, attempt, (response) => response.status === 401);
}

/**
 * A signed-in person changing their password: a wrong current password spends the same budget
 * as a wrong sign-in to their address, so a session left open is no way to guess it. Without a
 * session, Better Auth refuses (401) with nothing to count against.
 */
async function changePassword(request: Request, database: Database, clientAddress: string | null) {
  const auth = portalAuthOf(database);
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return auth.handler(request);
  const email = normalEmail(session.user.email);
  const attempt = { email, clientAddress, reason: 'wrong-current-password' };
  return withPasswordBudget(request, database, attempt, isWrongCurrentPassword);
}

/**
 * The portal's sign-in, sign-out, session and change-password endpoints (Better Auth under
 * /api/auth). The two that check a password go through the failure budgets first.
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
  if (request.method === 'POST' && path === CHANGE_PASSWORD_PATH) {
    return changePassword(request, database, clientAddressOf(request.headers, clientAddress));
  }
  return portalAuthOf(database).handler(request);
}
