import type { TRPCRouterRecord } from '@trpc/server';

import { ActivityBatch, ActivityInput, ActivityListInput } from '@opsledger/domain';

import { listActivities } from '../services/activities/list-activities';
import { recordActivity, recordActivityBatch } from '../services/activities/record-activities';
import { readProcedure, writeProcedure } from '../trpc';

export const activitiesRouter = {
  record: writeProcedure.input(ActivityInput).mutation(recordActivity),
  recordBatch: writeProcedure.input(ActivityBatch).mutation(recordActivityBatch),
  list: readProcedure.input(ActivityListInput).query(listActivities),
} satisfies TRPCRouterRecord;
