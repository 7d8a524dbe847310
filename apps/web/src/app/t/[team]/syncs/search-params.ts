import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createLoader, parseAsString, parseAsStringLiteral, type inferParserType } from 'nuqs/server';

import type { AppRouter } from '@opsledger/api';
import { RUN_STATUSES, SYNC_ACTION_TYPES, type SyncRunFilter } from '@opsledger/domain';

export const syncParams = {
  app: parseAsString,
  status: parseAsStringLiteral(RUN_STATUSES),
  action: parseAsStringLiteral(SYNC_ACTION_TYPES),
};
export const loadSyncParams = createLoader(syncParams);

export const syncFilter = (state: inferParserType<typeof syncParams>): SyncRunFilter => ({
  ...(state.app && { appDid: state.app }),
  ...(state.status && { status: [state.status] }),
  ...(state.action && { actionType: [state.action] }),
});

const PAGE_SIZE = 25;

/**
 * Sync runs, newest first, a page at a time. `syncs.list` pages by number (the DID Spaces
 * shape); a team keeps few enough runs that its count stays cheap.
 */
export function syncRuns(
  trpc: TRPCOptionsProxy<AppRouter>,
  queryClient: QueryClient,
  filter: SyncRunFilter,
) {
  return infiniteQueryOptions({
    queryKey: ['portal', 'syncRuns', filter],
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery(
        trpc.syncs.list.queryOptions({ ...filter, page: pageParam, pageSize: PAGE_SIZE }),
      ),
    initialPageParam: 1,
    getNextPageParam: (page) =>
      page.paging.page < page.paging.pageCount ? page.paging.page + 1 : null,
  });
}
