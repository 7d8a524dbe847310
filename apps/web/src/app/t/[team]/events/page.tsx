import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, serverTrpc } from '../../../../trpc/server';
import { eventInput, loadEventParams } from './search-params';
import { EventsView } from './view';

export const metadata = { title: 'Events' };

export default async function EventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const trpc = serverTrpc((await params).team);
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
