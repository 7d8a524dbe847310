import type { TRPCRouterRecord } from '@trpc/server';

import {
  PassportLogBatch,
  PassportLogInput,
  PassportLogListInput,
  PassportLogScrollInput,
} from '@opsledger/domain';

import { listPassportLogs, scrollPassportLogs } from '../services/passport-logs/list-passport-logs';
import {
  recordPassportLog,
  recordPassportLogBatch,
} from '../services/passport-logs/record-passport-logs';
import { readProcedure, writeProcedure } from '../trpc';

export const passportLogsRouter = {
  record: writeProcedure.input(PassportLogInput).mutation(recordPassportLog),
  recordBatch: writeProcedure.input(PassportLogBatch).mutation(recordPassportLogBatch),
  list: readProcedure.input(PassportLogListInput).query(listPassportLogs),
  scroll: readProcedure.input(PassportLogScrollInput).query(scrollPassportLogs),
} satisfies TRPCRouterRecord;
