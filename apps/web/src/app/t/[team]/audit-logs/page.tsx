import type { SearchParams } from 'nuqs/server';

import { getQueryClient, HydrateClient, serverTrpc } from '../../../../trpc/server';
import { auditLogInput, loadAuditLogParams } from './search-params';
import { AuditLogsView } from './view';

export const metadata = { title: 'Audit logs' };

export default async function AuditLogsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const trpc = serverTrpc((await params).team);
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
