import { AppRef, CreateAppInput } from '@opsledger/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { createApp, getApp, listApps } from '../services/apps/apps';
import { manageProcedure, readProcedure } from '../trpc';

export const appsRouter = {
  create: manageProcedure.input(CreateAppInput).mutation(createApp),
  list: readProcedure.query(listApps),
  get: readProcedure.input(AppRef).query(getApp),
} satisfies TRPCRouterRecord;
