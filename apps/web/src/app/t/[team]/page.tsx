import { getQueryClient, HydrateClient, trpc } from '../../../trpc/server';
import { overviewQueries } from './overview';
import { OverviewView } from './overview-view';

export const metadata = { title: 'Overview · OpsLedger' };

export default async function OverviewPage() {
  const queryClient = getQueryClient();
  await Promise.all(
    Object.values(overviewQueries(trpc)).map((options) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a record of differently typed options
      queryClient.prefetchQuery(options as any),
    ),
  );
  return (
    <HydrateClient>
      <OverviewView />
    </HydrateClient>
  );
}
