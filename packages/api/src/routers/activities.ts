import type { TRPCRouterRecord } from '@trpc/server';

export const activitiesRouter = {} satisfies TRPCRouterRecord;
