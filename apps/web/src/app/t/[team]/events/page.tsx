import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, trpc } from '../../../../trpc/server';
import { eventInput, loadEventParams } from './search-params';
import { EventsView } from './view';

export const metadata = { title: 'Events · OpsLedger' };

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const input = eventInput(loadEventParams(await searchParams));
  await getQueryClient().prefetchInfiniteQuery(
    trpc.events.scroll.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  return (
    <HydrateClient>
      <EventsView />
    </HydrateClient>
  );
}
