import type { TRPCRouterRecord } from '@trpc/server';

export const auditLogsRouter = {} satisfies TRPCRouterRecord;
