import type { TRPCRouterRecord } from '@trpc/server';

import {
  AuditLogBatch,
  AuditLogInput,
  AuditLogListInput,
  AuditLogScrollInput,
} from '@opsledger/domain';

import { listAuditLogs, scrollAuditLogs } from '../services/audit-logs/list-audit-logs';
import { recordAuditLog, recordAuditLogBatch } from '../services/audit-logs/record-audit-logs';
import { readProcedure, writeProcedure } from '../trpc';

export const auditLogsRouter = {
  record: writeProcedure.input(AuditLogInput).mutation(recordAuditLog),
  recordBatch: writeProcedure.input(AuditLogBatch).mutation(recordAuditLogBatch),
  list: readProcedure.input(AuditLogListInput).query(listAuditLogs),
  scroll: readProcedure.input(AuditLogScrollInput).query(scrollAuditLogs),
} satisfies TRPCRouterRecord;
