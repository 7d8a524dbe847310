import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, serverTrpc } from '../../../../trpc/server';
import { activityFeed, activityInput, loadActivityParams, timelineInput } from './search-params';
import { ActivityView } from './view';

export const metadata = { title: 'Activity' };

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const trpc = serverTrpc((await params).team);
  const state = loadActivityParams(await searchParams);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(activityFeed(trpc, queryClient, activityInput(state))),
    state.timeline &&
      queryClient.prefetchInfiniteQuery(
        activityFeed(trpc, queryClient, timelineInput(state.timeline)),
      ),
  ]);
  return (
    <HydrateClient>
      <ActivityView />
    </HydrateClient>
  );
}
