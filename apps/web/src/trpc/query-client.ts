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
        /*
         * Each query's data crosses to the browser as one JSON string: React's RSC payload
         * then carries it as a text chunk, instead of encoding and reviving every property of
         * every row (its JSON replacer and reviver run per key). A page of 25 audit logs
         * renders ~10% faster (docs/performance.md).
         */
        serializeData: (data: unknown) => JSON.stringify(data),
      },
      hydrate: { deserializeData: (data: string): unknown => JSON.parse(data) },
    },
  });
}
