import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, trpc } from '../../../../trpc/server';
import { auditLogInput, loadAuditLogParams } from './search-params';
import { AuditLogsView } from './view';

export const metadata = { title: 'Audit logs · OpsLedger' };

export default async function AuditLogsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const input = auditLogInput(loadAuditLogParams(await searchParams));
  await getQueryClient().prefetchInfiniteQuery(
    trpc.auditLogs.scroll.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  return (
    <HydrateClient>
      <AuditLogsView />
    </HydrateClient>
  );
}
