import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, trpc } from '../../../../trpc/server';
import { activityFeed, activityInput, loadActivityParams, timelineInput } from './search-params';
import { ActivityView } from './view';

export const metadata = { title: 'Activity · OpsLedger' };

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
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
