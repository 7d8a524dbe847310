import type { TRPCRouterRecord } from '@trpc/server';

import {
  CreateSyncRunInput,
  StartSyncInput,
  SyncRunListInput,
  SyncRunRef,
  UpdateSyncRunInput,
} from '@opsledger/domain';

import { startSync } from '../services/sync-profiles/start-sync';
import { createSyncRun } from '../services/sync-runs/create-sync-run';
import { getSyncRun } from '../services/sync-runs/get-sync-run';
import { listSyncRuns } from '../services/sync-runs/list-sync-runs';
import { updateSyncRun } from '../services/sync-runs/update-sync-run';
import { readProcedure, writeProcedure } from '../trpc';

export const syncsRouter = {
  create: writeProcedure.input(CreateSyncRunInput).mutation(createSyncRun),
  update: writeProcedure.input(UpdateSyncRunInput).mutation(updateSyncRun),
  get: readProcedure.input(SyncRunRef).query(getSyncRun),
  list: readProcedure.input(SyncRunListInput).query(listSyncRuns),
  /** Queues a sync of a profile now; the run is recorded pending before any worker starts. */
  start: writeProcedure.input(StartSyncInput).mutation(startSync),
} satisfies TRPCRouterRecord;
