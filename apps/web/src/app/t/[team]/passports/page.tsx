import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, serverTrpc } from '../../../../trpc/server';
import { loadPassportParams, passportInput } from './search-params';
import { PassportsView } from './view';

export const metadata = { title: 'Passports' };

export default async function PassportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const trpc = serverTrpc((await params).team);
  const input = passportInput(loadPassportParams(await searchParams));
  await getQueryClient().prefetchInfiniteQuery(
    trpc.passportLogs.scroll.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  return (
    <HydrateClient>
      <PassportsView />
    </HydrateClient>
  );
}
