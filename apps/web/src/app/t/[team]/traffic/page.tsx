import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, serverTrpc } from '../../../../trpc/server';
import { loadTrafficParams, trafficDays, trafficFilter } from './search-params';
import { TrafficView } from './view';

export const metadata = { title: 'Traffic' };

export default async function TrafficPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const trpc = serverTrpc((await params).team);
  const filter = trafficFilter(loadTrafficParams(await searchParams));
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.apps.list.queryOptions()),
    queryClient.prefetchQuery(trafficDays(trpc, queryClient, filter)),
  ]);
  return (
    <HydrateClient>
      <TrafficView />
    </HydrateClient>
  );
}
