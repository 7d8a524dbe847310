import { getQueryClient, HydrateClient, serverTrpc } from '../../../trpc/server';
import { overviewQueries } from './overview';
import { OverviewView } from './overview-view';

export const metadata = { title: 'Overview' };

export default async function OverviewPage({ params }: { params: Promise<{ team: string }> }) {
  const trpc = serverTrpc((await params).team);
  const queryClient = getQueryClient();
  const queries = overviewQueries(trpc);
  await Promise.all([
    queryClient.prefetchQuery(queries.failedSyncs),
    queryClient.prefetchQuery(queries.recentBackups),
    queryClient.prefetchQuery(queries.todayTraffic),
    queryClient.prefetchQuery(queries.userEvents),
    queryClient.prefetchQuery(queries.systemEvents),
    queryClient.prefetchQuery(queries.apps),
  ]);
  return (
    <HydrateClient>
      <OverviewView />
    </HydrateClient>
  );
}
