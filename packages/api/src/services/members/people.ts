import { randomBytes } from 'node:crypto';

import { authUsers, eq, type Database } from '@opsledger/db';

import { portalAuthOf } from '../../auth/portal/portal-auth';

export interface Person {
  id: string;
  email: string;
  name: string;
}

/** An initial password: 24 characters of base64url, 144 bits, for the person to sign in with. */
export const generatePassword = () => randomBytes(18).toString('base64url');

/** Better Auth keeps addresses lower-cased; so does every lookup here. */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export async function findPerson(database: Database, email: string): Promise<Person | null> {
  const [row] = await database.db
    .select({ id: authUsers.id, email: authUsers.email, name: authUsers.name })
    .from(authUsers)
    .where(eq(authUsers.email, normalEmail(email)));
  return row ?? null;
}

/**
 * A new person who signs in with email and a generated password, through Better Auth's own
 * adapter and hashing (so its sign-in verifies what was written here).
 */
export async function createPerson(
  database: Database,
  email: string,
): Promise<{ person: Person; password: string }> {
  const context = await portalAuthOf(database).$context;
  const password = generatePassword();
  const hash = await context.password.hash(password);
  const address = normalEmail(email);
  const user = await context.internalAdapter.createUser(
    { email: address, name: address.split('@')[0] ?? address, emailVerified: false },
    { method: 'email-password' },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: hash,
  });
  return { person: { id: user.id, email: user.email, name: user.name }, password };
}

/** Gives a person a new generated password (the operator lost the first). */
export async function resetPassword(database: Database, userId: string): Promise<string> {
  const context = await portalAuthOf(database).$context;
  const password = generatePassword();
  await context.internalAdapter.updatePassword(userId, await context.password.hash(password));
  return password;
}
