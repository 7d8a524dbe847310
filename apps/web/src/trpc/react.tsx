'use client';

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';

import type { AppRouter } from '@opsledger/api';

import { makeQueryClient } from './query-client';

// STAND-IN until portal-auth's shell merges (sessions): the browser presents the API key kept in
// the `opsledger_api_key` cookie as a bearer token. Same interface as the shell's (useTRPC,
// TRPCReactProvider), so the pages need no change when it is replaced.
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
const getQueryClient = () =>
  typeof window === 'undefined' ? makeQueryClient() : (browserQueryClient ??= makeQueryClient());

const apiKey = () => /(?:^|; )opsledger_api_key=([^;]*)/.exec(document.cookie)?.[1] ?? null;

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          // Live tails: SSE, which sends the session cookie but no custom header.
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: '/api/trpc' }),
          false: httpBatchLink({
            url: '/api/trpc',
            headers: () => {
              const key = apiKey();
              return key ? { authorization: `Bearer ${decodeURIComponent(key)}` } : {};
            },
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
