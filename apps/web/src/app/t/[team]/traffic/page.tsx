import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, trpc } from '../../../../trpc/server';
import { loadTrafficParams, trafficDays, trafficFilter } from './search-params';
import { TrafficView } from './view';

export const metadata = { title: 'Traffic · OpsLedger' };

export default async function TrafficPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
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
