'use client';

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpSubscriptionLink,
  splitLink,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';

import type { AppRouter } from '@opsledger/api';

import { createQueryClient } from './query-client';

/** `useTRPC()` gives the typed options of every procedure: `useQuery(trpc.x.y.queryOptions(…))`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/*
 * The API's TEAM_HEADER and MAX_OPERATIONS_PER_REQUEST, written out: importing them would pull
 * the API's and the domain's modules (zod schemas) into every page's JavaScript.
 */
const TEAM_HEADER = 'x-opsledger-team';
const MAX_OPERATIONS_PER_REQUEST = 10;

/** One cache per team in the browser: a team's data never answers for another's. */
const browserClients = new Map<string, QueryClient>();

function queryClientFor(team: string): QueryClient {
  // On the server every request renders with a client of its own.
  if (typeof window === 'undefined') return createQueryClient();
  let client = browserClients.get(team);
  if (!client) {
    client = createQueryClient();
    browserClients.set(team, client);
  }
  return client;
}

function createClient(team: string) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // An EventSource cannot send headers: the team travels as a connection parameter,
        // and the session cookie goes with it (same origin).
        true: httpSubscriptionLink({
          url: '/api/trpc',
          connectionParams: () => ({ team }),
        }),
        false: httpBatchStreamLink({
          url: '/api/trpc',
          maxItems: MAX_OPERATIONS_PER_REQUEST,
          headers: () => ({ [TEAM_HEADER]: team }),
        }),
      }),
    ],
  });
}

/**
 * The tRPC and React Query context of one team's pages. Requests carry the session cookie and
 * name the team; the team layout keys this provider by the team, so switching teams starts
 * from that team's own cache.
 */
export function TRPCReactProvider({ team, children }: { team: string; children: ReactNode }) {
  const queryClient = queryClientFor(team);
  const [trpcClient] = useState(() => createClient(team));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
