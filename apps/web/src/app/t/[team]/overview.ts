import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';

import type { AppRouter } from '@opsledger/api';

const DAY = 86_400_000;

/**
 * The overview's queries, built alike by the server (prefetch) and the browser. Instants are
 * cut to the hour so both ask the same thing.
 */
export function overviewQueries(trpc: TRPCOptionsProxy<AppRouter>, now = Date.now()) {
  const hour = Math.floor(now / 3_600_000) * 3_600_000;
  const today = new Date(now).toISOString().slice(0, 10);
  return {
    failedSyncs: trpc.syncs.list.queryOptions({ status: ['failed'], pageSize: 5 }),
    recentBackups: trpc.backups.list.queryOptions({
      from: new Date(hour - 7 * DAY).toISOString(),
      limit: 100,
    }),
    todayTraffic: trpc.traffic.insights.queryOptions({
      startDate: today,
      endDate: today,
      pageSize: 100,
    }),
    userEvents: trpc.events.scroll.queryOptions({ type: 'user', limit: 6 }),
    systemEvents: trpc.events.scroll.queryOptions({ type: 'system', limit: 6 }),
    apps: trpc.apps.list.queryOptions(),
  };
}
