import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, trpc } from '../../../../trpc/server';
import { backupInput, loadBackupParams } from './search-params';
import { BackupsView } from './view';

export const metadata = { title: 'Backups · OpsLedger' };

export default async function BackupsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const input = backupInput(loadBackupParams(await searchParams));
  const queryClient = getQueryClient();
  // The daily summary is cut in the viewer's time zone, which only the browser knows.
  await Promise.all([
    queryClient.prefetchQuery(trpc.apps.list.queryOptions()),
    queryClient.prefetchInfiniteQuery(
      trpc.backups.list.infiniteQueryOptions(input, {
        getNextPageParam: (page) => page.nextCursor,
      }),
    ),
  ]);
  return (
    <HydrateClient>
      <BackupsView />
    </HydrateClient>
  );
}
