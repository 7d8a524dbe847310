import type { TRPCRouterRecord } from '@trpc/server';

export const eventsRouter = {} satisfies TRPCRouterRecord;
