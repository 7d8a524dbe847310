import type { TRPCRouterRecord } from '@trpc/server';

export const trafficRouter = {} satisfies TRPCRouterRecord;
