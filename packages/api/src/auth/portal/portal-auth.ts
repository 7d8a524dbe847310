import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';

import {
  authAccounts,
  authSessions,
  authUsers,
  authVerifications,
  type Database,
} from '@opsledger/db';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@opsledger/domain';

import { perDatabase } from '../../process/per-database';
import { secretKeyringOf } from '../../secrets/credential-secrets';

export interface PortalAuthOptions {
  /** Where people reach the portal (OPSLEDGER_PUBLIC_URL); https makes the cookies Secure. */
  publicUrl: string;
}

/** Sessions last a week and slide forward a day at a time while the person uses them. */
const SESSION_SECONDS = 7 * 24 * 3600;

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Origins whose sign-in forms are accepted: the public URL's; for a portal on this machine,
 * the same port under each loopback name (a browser may say 127.0.0.1 for localhost).
 */
function trustedOriginsOf(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOOPBACK.includes(url.hostname)) return [url.origin];
  return LOOPBACK.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
}

function createPortalAuth(database: Database, options: PortalAuthOptions) {
  const secure = new URL(options.publicUrl).protocol === 'https:';
  return betterAuth({
    appName: 'OpsLedger',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    trustedOrigins: trustedOriginsOf(options.publicUrl),
    // Derived from the secret keyring: every server sharing it signs and accepts the same cookies.
    secret: secretKeyringOf(database).deriveSecret('portal-sessions'),
    database: drizzleAdapter(database.db, {
      provider: 'pg',
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
      },
    }),
    // Owners and admins add people (the CLI, the settings page): nobody signs themselves up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: 24 * 3600 },
    // Failed sign-ins are counted by the API's failure budgets (see portal-auth-handler.ts), the
    // same ones every other credential spends; Better Auth's own limiter would be a second.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // A wrong password is the budgets' to report (as a failure event), not a warning per attempt.
    logger: { level: 'error' },
    advanced: {
      cookiePrefix: 'opsledger',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
    },
  });
}

export type PortalAuth = ReturnType<typeof createPortalAuth>;

const DEFAULT_OPTIONS: PortalAuthOptions = { publicUrl: 'http://localhost:3000' };

const configured = perDatabase<PortalAuthOptions>('portal-auth-options', () => DEFAULT_OPTIONS);
const instances = perDatabase<PortalAuth>('portal-auth', (database) =>
  createPortalAuth(database, configured.of(database)),
);

/** Sets where the portal is reached (start-up); the next use builds Better Auth afresh. */
export function configurePortalAuth(database: Database, options: PortalAuthOptions): void {
  configured.set(database, options);
  instances.set(database, createPortalAuth(database, options));
}

/** The database's Better Auth: its handler, its session lookup, its password hashing. */
export const portalAuthOf = (database: Database): PortalAuth => instances.of(database);
