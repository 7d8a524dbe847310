import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import { appRouter, createContext } from '@opsledger/api';

import { opsLedger } from './opsledger';

/** This request's tRPC caller, as the signed-in person acting in `team` (or in none). */
export async function requestCaller(team: string | null) {
  return appRouter.createCaller(
    await createContext({
      database: await opsLedger().database,
      authorization: null,
      headers: await headers(),
      teamSlug: team,
    }),
  );
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
