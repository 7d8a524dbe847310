import type { TRPCRouterRecord } from '@trpc/server';

import {
  AuditLogBatch,
  AuditLogInput,
  AuditLogListInput,
  AuditLogScrollInput,
  AuditLogTailInput,
  auditLogToEnvelope,
} from '@opsledger/domain';

import {
  listAuditLogs,
  scrollAuditLogs,
  tailAuditLogs,
} from '../services/audit-logs/list-audit-logs';
import { streamRecorders } from '../services/events/record-stream';
import { readProcedure, writeProcedure } from '../trpc';

const recorders = streamRecorders('audit', auditLogToEnvelope);

export const auditLogsRouter = {
  record: writeProcedure.input(AuditLogInput).mutation(recorders.record),
  recordBatch: writeProcedure.input(AuditLogBatch).mutation(recorders.recordBatch),
  list: readProcedure.input(AuditLogListInput).query(listAuditLogs),
  scroll: readProcedure.input(AuditLogScrollInput).query(scrollAuditLogs),
  /** New audit logs as they are recorded, over SSE; resumes after the last seq it sent. */
  tail: readProcedure.input(AuditLogTailInput).subscription(tailAuditLogs),
} satisfies TRPCRouterRecord;
