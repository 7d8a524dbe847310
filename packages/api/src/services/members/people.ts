import { randomBytes } from 'node:crypto';

import { and, authAccounts, authUsers, eq, type Database } from '@opsledger/db';

import { portalAuthOf } from '../../auth/portal/portal-auth';

export interface Person {
  id: string;
  email: string;
  name: string;
}

/** An initial password: 24 characters of base64url, 144 bits, for the person to sign in with. */
export const generatePassword = () => randomBytes(18).toString('base64url');

/** A generated password and its hash by Better Auth's own hashing (what its sign-in verifies). */
export async function newHashedPassword(
  database: Database,
): Promise<{ password: string; hash: string }> {
  const context = await portalAuthOf(database).$context;
  const password = generatePassword();
  return { password, hash: await context.password.hash(password) };
}

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
  const { password, hash } = await newHashedPassword(database);
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
  const { password, hash } = await newHashedPassword(database);
  await context.internalAdapter.updatePassword(userId, hash);
  return password;
}

/** Whether `password` is the person's current one (checked with Better Auth's own hashing). */
export async function passwordWorks(
  database: Database,
  userId: string,
  password: string,
): Promise<boolean> {
  const [account] = await database.db
    .select({ hash: authAccounts.password })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, 'credential')));
  if (!account?.hash) return false;
  const context = await portalAuthOf(database).$context;
  return context.password.verify({ hash: account.hash, password });
}
