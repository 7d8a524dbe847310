import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, serverTrpc } from '../../../../trpc/server';
import { backupInput, loadBackupParams } from './search-params';
import { BackupsView } from './view';

export const metadata = { title: 'Backups' };

export default async function BackupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const trpc = serverTrpc((await params).team);
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
