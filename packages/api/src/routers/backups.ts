import type { TRPCRouterRecord } from '@trpc/server';

export const backupsRouter = {} satisfies TRPCRouterRecord;
