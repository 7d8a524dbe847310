import type { TRPCRouterRecord } from '@trpc/server';

export const passportLogsRouter = {} satisfies TRPCRouterRecord;
