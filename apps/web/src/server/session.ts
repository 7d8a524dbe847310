import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';

import { appRouter, createContext, type Context } from '@opsledger/api';

import { opsLedger } from './opsledger';

/**
 * This request's tRPC context, as the signed-in person acting in `team` (or in none). Cached
 * per request: the team layout, the page and every procedure it prefetches share one session
 * lookup (Better Auth) and one membership lookup instead of repeating them.
 */
export const requestContext = cache(async (team: string | null): Promise<Context> =>
  createContext({
    database: await opsLedger().database,
    authorization: null,
    headers: await headers(),
    teamSlug: team,
  }),
);

/** This request's tRPC caller, as the signed-in person acting in `team` (or in none). */
export async function requestCaller(team: string | null) {
  return appRouter.createCaller(await requestContext(team));
}

export type Account = Awaited<
  ReturnType<Awaited<ReturnType<typeof requestCaller>>['account']['me']>
>;

/** The signed-in person and their teams; null for a visitor without a valid session. */
export const currentAccount = cache(async (): Promise<Account | null> => {
  try {
    return await (await requestCaller(null)).account.me();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
});

/** The signed-in person, or a redirect to the sign-in page (the only page a visitor sees). */
export async function requireAccount(): Promise<Account> {
  const account = await currentAccount();
  if (!account) redirect('/sign-in');
  return account;
}

/*
 * The API refuses a team the person is not a member of as NOT_FOUND (a ServiceError, which
 * the API does not export): recognised by name and code.
 */
const isNotFound = (error: unknown) =>
  error instanceof Error &&
  error.name === 'ServiceError' &&
  (error as Error & { code?: unknown }).code === 'NOT_FOUND';

/**
 * The signed-in person on one of their team's pages: a visitor is sent to sign in, a person who
 * is not a member sees the same 404 as for a team that does not exist. Resolved through the
 * same cached context the page's prefetches use.
 */
export const requireMember = cache(async (team: string): Promise<Account> => {
  const context = await requestContext(team).catch((error: unknown) => {
    if (isNotFound(error)) notFound();
    throw error;
  });
  if (!context.person) redirect('/sign-in');
  return appRouter.createCaller(context).account.me();
});
