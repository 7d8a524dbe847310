import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, trpc } from '../../../../trpc/server';
import { loadPassportParams, passportInput } from './search-params';
import { PassportsView } from './view';

export const metadata = { title: 'Passports · OpsLedger' };

export default async function PassportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
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
