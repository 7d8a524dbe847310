import type { TRPCRouterRecord } from '@trpc/server';

import { AccessLogSetInput, TrafficHitBatch, TrafficInsightListInput } from '@opsledger/domain';

import { listAccessLogs, setAccessLog } from '../services/traffic/access-logs';
import { ingestTraffic } from '../services/traffic/ingest-traffic';
import { listTrafficInsights } from '../services/traffic/list-traffic-insights';
import { manageProcedure, readProcedure, writeProcedure } from '../trpc';

export const trafficRouter = {
  ingest: writeProcedure.input(TrafficHitBatch).mutation(ingestTraffic),
  insights: readProcedure.input(TrafficInsightListInput).query(listTrafficInsights),
  /** The access logs the worker tails for the team's apps. */
  accessLogs: readProcedure.query(listAccessLogs),
  setAccessLog: manageProcedure.input(AccessLogSetInput).mutation(setAccessLog),
} satisfies TRPCRouterRecord;
