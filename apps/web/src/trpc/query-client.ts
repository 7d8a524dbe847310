import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';

/**
 * One QueryClient configuration for the server's prefetch and the browser's cache. A query
 * still pending when the server component finishes is sent along too: the browser picks up
 * its result as it streams in, instead of asking again.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Data prefetched on the server is fresh when it arrives: no refetch straight away.
      queries: { staleTime: 30_000 },
      dehydrate: {
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
        // The API's messages are meant for people (and name fields): keep them.
        shouldRedactErrors: () => false,
      },
    },
  });
}
