import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import {
  createTRPCOptionsProxy,
  type TRPCOptionsProxy,
  type TRPCQueryOptions,
} from '@trpc/tanstack-react-query';
import { cache, type ReactNode } from 'react';

import { appRouter, type AppRouter } from '@opsledger/api';

import { requestContext } from '../server/session';
import { createQueryClient } from './query-client';

/** One QueryClient per server request: what its components prefetch is what it hydrates. */
export const getQueryClient = cache(createQueryClient);

/**
 * The procedures as the team's page would call them, resolved in this process (no HTTP): the
 * request's session cookie names the person, `team` the team they act in, exactly as the
 * browser's requests do.
 */
export const serverTrpc = cache((team: string | null): TRPCOptionsProxy<AppRouter> =>
  createTRPCOptionsProxy<AppRouter>({
    router: appRouter,
    queryClient: getQueryClient,
    // The request's one context: the layout's membership check already resolved it.
    ctx: () => requestContext(team),
  }),
);

/**
 * Starts a query on the server; the page's first paint has its result (a pending one streams
 * to the browser). Read it in a client component with the same options and `useSuspenseQuery`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(options: T): void {
  const queryClient = getQueryClient();
  if (options.queryKey[1]?.type === 'infinite') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- as create-t3-turbo does
    void queryClient.prefetchInfiniteQuery(options as any);
  } else {
    void queryClient.prefetchQuery(options);
  }
}

/** Hands what this request prefetched to the client components below. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
