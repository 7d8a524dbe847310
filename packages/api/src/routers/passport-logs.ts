import type { TRPCRouterRecord } from '@trpc/server';

import {
  PassportLogBatch,
  PassportLogInput,
  PassportLogListInput,
  PassportLogScrollInput,
  passportLogToEnvelope,
} from '@opsledger/domain';

import { streamRecorders } from '../services/events/record-stream';
import { listPassportLogs, scrollPassportLogs } from '../services/passport-logs/list-passport-logs';
import { readProcedure, writeProcedure } from '../trpc';

const recorders = streamRecorders('passport', passportLogToEnvelope);

export const passportLogsRouter = {
  record: writeProcedure.input(PassportLogInput).mutation(recorders.record),
  recordBatch: writeProcedure.input(PassportLogBatch).mutation(recorders.recordBatch),
  list: readProcedure.input(PassportLogListInput).query(listPassportLogs),
  scroll: readProcedure.input(PassportLogScrollInput).query(scrollPassportLogs),
} satisfies TRPCRouterRecord;
