import {
  auditLogToEnvelope,
  type AuditLogBatch,
  type AuditLogInput,
  type RecordResult,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { recordEvents } from '../events/record-events';

export function recordAuditLog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditLogInput;
}): Promise<RecordResult> {
  return recordEvents(ctx, { item: input }, 'audit', auditLogToEnvelope);
}

export function recordAuditLogBatch({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditLogBatch;
}): Promise<RecordResult> {
  return recordEvents(ctx, input, 'audit', auditLogToEnvelope);
}
