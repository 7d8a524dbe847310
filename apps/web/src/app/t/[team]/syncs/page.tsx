import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, serverTrpc } from '../../../../trpc/server';
import { loadSyncParams, syncFilter, syncRuns } from './search-params';
import { SyncsView } from './view';

export const metadata = { title: 'Syncs' };

export default async function SyncsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const trpc = serverTrpc((await params).team);
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
