import type { TRPCRouterRecord } from '@trpc/server';

import {
  ActivityBatch,
  ActivityInput,
  ActivityListInput,
  activityToEnvelope,
} from '@opsledger/domain';

import { listActivities } from '../services/activities/list-activities';
import { streamRecorders } from '../services/events/record-stream';
import { readProcedure, writeProcedure } from '../trpc';

const recorders = streamRecorders('activity', activityToEnvelope);

export const activitiesRouter = {
  record: writeProcedure.input(ActivityInput).mutation(recorders.record),
  recordBatch: writeProcedure.input(ActivityBatch).mutation(recorders.recordBatch),
  list: readProcedure.input(ActivityListInput).query(listActivities),
} satisfies TRPCRouterRecord;
