import { and, apps, asc, count, eq, gte, lte, trafficDaily, type SQL } from '@opsledger/db';
import {
  pagingOf,
  type Paging,
  type TrafficInsight,
  type TrafficInsightListInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';

/**
 * Daily traffic figures of the caller's apps within [startDate, endDate], oldest day first
 * (as the Blocklet examples list them), then by app DID; offset-paged.
 */
export async function listTrafficInsights({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: TrafficInsightListInput;
}): Promise<{ list: TrafficInsight[]; paging: Paging }> {
  const conditions: (SQL | undefined)[] = [eq(trafficDaily.teamId, ctx.caller.team.id)];
  if (input.appDid !== undefined) {
    conditions.push(eq(trafficDaily.appId, (await findAppByDid(ctx, input.appDid)).id));
  }
  if (input.startDate !== undefined) conditions.push(gte(trafficDaily.day, input.startDate));
  if (input.endDate !== undefined) conditions.push(lte(trafficDaily.day, input.endDate));
  const where = and(...conditions);
  const db = ctx.database.db;

  const [rows, [total]] = await Promise.all([
    db
      .select({ did: apps.did, daily: trafficDaily })
      .from(trafficDaily)
      .innerJoin(apps, and(eq(apps.teamId, trafficDaily.teamId), eq(apps.id, trafficDaily.appId)))
      .where(where)
      .orderBy(asc(trafficDaily.day), asc(apps.did))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(trafficDaily).where(where),
  ]);
  return {
    list: rows.map(({ did, daily }) => ({
      did,
      date: daily.day,
      totalRequests: daily.totalRequests,
      validRequests: daily.totalRequests - daily.failedRequests,
      failedRequests: daily.failedRequests,
      generationTime: daily.generationTime,
      uniqueVisitors: daily.uniqueVisitors,
      uniqueFiles: daily.uniqueFiles,
      excludedHits: daily.excludedHits,
      uniqueReferrers: daily.uniqueReferrers,
      uniqueNotFound: daily.uniqueNotFound,
      uniqueStaticFiles: daily.uniqueStaticFiles,
      logSize: daily.logSize,
      bandwidth: daily.bandwidth,
    })),
    paging: pagingOf(input, total?.total ?? 0),
  };
}
