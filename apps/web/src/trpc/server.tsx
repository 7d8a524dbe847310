import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cookies } from 'next/headers';
import { cache, type ReactNode } from 'react';

import { appRouter, createContext } from '@opsledger/api';

import { opsLedger } from '../server/opsledger';
import { makeQueryClient } from './query-client';

// STAND-IN until portal-auth's shell merges (sessions): the server component acts with the API
// key in the `opsledger_api_key` cookie, exactly as an HTTP request with that key would.
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  queryClient: getQueryClient,
  ctx: async () => {
    const key = (await cookies()).get('opsledger_api_key')?.value;
    return createContext({
      database: await opsLedger().database,
      authorization: key ? `Bearer ${key}` : null,
    });
  },
});

/** Sends what the server component prefetched with the page: its first paint has the data. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
