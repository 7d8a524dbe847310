import type { TRPCRouterRecord } from '@trpc/server';

import { AppRef, CreateAppInput } from '@opsledger/domain';

import { registrationChallenge } from '../services/apps/app-proof';
import { getApp, listApps } from '../services/apps/apps';
import { createApp } from '../services/apps/register-app';
import { manageProcedure, readProcedure } from '../trpc';

export const appsRouter = {
  create: manageProcedure.input(CreateAppInput).mutation(createApp),
  /** The text an app wallet signs (the `proof` of apps.create) to register its DID here. */
  registrationChallenge: readProcedure.input(AppRef).query(registrationChallenge),
  list: readProcedure.query(listApps),
  get: readProcedure.input(AppRef).query(getApp),
} satisfies TRPCRouterRecord;
