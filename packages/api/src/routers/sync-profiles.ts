import type { TRPCRouterRecord } from '@trpc/server';

import { CreateSyncProfileInput, SyncProfileRef, UpdateSyncProfileInput } from '@opsledger/domain';

import {
  createSyncProfile,
  getSyncProfile,
  listSyncProfiles,
  updateSyncProfile,
} from '../services/sync-profiles/sync-profiles';
import { manageProcedure, readProcedure } from '../trpc';

export const syncProfilesRouter = {
  create: manageProcedure.input(CreateSyncProfileInput).mutation(createSyncProfile),
  update: manageProcedure.input(UpdateSyncProfileInput).mutation(updateSyncProfile),
  get: readProcedure.input(SyncProfileRef).query(getSyncProfile),
  list: readProcedure.query(listSyncProfiles),
} satisfies TRPCRouterRecord;
