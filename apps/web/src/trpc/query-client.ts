import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';

/** One QueryClient per request on the server, one per tab in the browser (create-t3-turbo). */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Prefetched data stays fresh long enough that the browser does not ask again on load.
      queries: { staleTime: 30_000, retry: 1 },
      dehydrate: {
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}
