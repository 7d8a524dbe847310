import type { TRPCRouterRecord } from '@trpc/server';

export const syncsRouter = {} satisfies TRPCRouterRecord;
