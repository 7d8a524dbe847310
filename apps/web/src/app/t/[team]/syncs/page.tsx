import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, trpc } from '../../../../trpc/server';
import { loadSyncParams, syncFilter, syncRuns } from './search-params';
import { SyncsView } from './view';

export const metadata = { title: 'Syncs · OpsLedger' };

export default async function SyncsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const filter = syncFilter(loadSyncParams(await searchParams));
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.apps.list.queryOptions()),
    queryClient.prefetchInfiniteQuery(syncRuns(trpc, queryClient, filter)),
  ]);
  return (
    <HydrateClient>
      <SyncsView />
    </HydrateClient>
  );
}
