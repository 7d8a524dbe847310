import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createLoader, parseAsNumberLiteral, parseAsString, type inferParserType } from 'nuqs/server';

import type { AppRouter } from '@opsledger/api';
import { MAX_PAGE_SIZE, type TrafficInsight } from '@opsledger/domain';

export const DAY_RANGES = [7, 30, 90] as const;

export const trafficParams = {
  app: parseAsString,
  days: parseAsNumberLiteral(DAY_RANGES).withDefault(30),
};
export const loadTrafficParams = createLoader(trafficParams);

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The UTC days the figures cover: the last `days` days, today included. */
export function trafficFilter(state: inferParserType<typeof trafficParams>, now = Date.now()) {
  return {
    ...(state.app && { appDid: state.app }),
    startDate: utcDay(now - (state.days - 1) * 86_400_000),
    endDate: utcDay(now),
  };
}
type TrafficFilter = ReturnType<typeof trafficFilter>;

/** Page bound: 90 days of a few dozen apps; beyond it the chart says it is partial. */
const MAX_PAGES = 30;

/** Every app-day of the range (the insights list pages by number, at most 100 a page). */
export function trafficDays(
  trpc: TRPCOptionsProxy<AppRouter>,
  queryClient: QueryClient,
  filter: TrafficFilter,
) {
  return queryOptions({
    queryKey: ['portal', 'trafficDays', filter],
    queryFn: async () => {
      const rows: TrafficInsight[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await queryClient.fetchQuery(
          trpc.traffic.insights.queryOptions({ ...filter, page, pageSize: MAX_PAGE_SIZE }),
        );
        rows.push(...result.list);
        if (page >= result.paging.pageCount)
          return { rows, complete: true };
      }
      return { rows, complete: false };
    },
  });
}

export interface DayTotals {
  date: string;
  requests: number;
  failed: number;
  visitors: number;
  bandwidth: number;
}

/** Per-day totals over the apps shown, oldest first, with every day of the range present. */
export function totalsByDay(rows: TrafficInsight[], filter: TrafficFilter): DayTotals[] {
  const byDay = new Map<string, DayTotals>();
  for (
    let ms = Date.parse(filter.startDate);
    ms <= Date.parse(filter.endDate);
    ms += 86_400_000
  ) {
    const date = utcDay(ms);
    byDay.set(date, { date, requests: 0, failed: 0, visitors: 0, bandwidth: 0 });
  }
  for (const row of rows) {
    const day = byDay.get(row.date);
    if (!day) continue;
    day.requests += row.totalRequests;
    day.failed += row.failedRequests;
    day.visitors += row.uniqueVisitors;
    day.bandwidth += row.bandwidth;
  }
  return [...byDay.values()];
}
