import type { TRPCRouterRecord } from '@trpc/server';

import { TrafficHitBatch, TrafficInsightListInput } from '@opsledger/domain';

import { ingestTraffic } from '../services/traffic/ingest-traffic';
import { listTrafficInsights } from '../services/traffic/list-traffic-insights';
import { readProcedure, writeProcedure } from '../trpc';

export const trafficRouter = {
  ingest: writeProcedure.input(TrafficHitBatch).mutation(ingestTraffic),
  insights: readProcedure.input(TrafficInsightListInput).query(listTrafficInsights),
} satisfies TRPCRouterRecord;
