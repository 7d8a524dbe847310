import {
  auditLogFromEvent,
  type AuditLogListInput,
  type AuditLogPage,
  type AuditLogScrollInput,
  type AuditLogScrollPage,
  type AuditLogTailInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { offsetPageOfEvents } from '../events/offset-page';
import { scrollEvents } from '../events/scroll-events';
import { tailEvents } from '../live-tail/tail-events';
import { auditLogConditions } from './audit-log-conditions';

/** Numbered pages, newest first, as Blocklet Server's getAuditLogs pages. */
export async function listAuditLogs({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditLogListInput;
}): Promise<AuditLogPage> {
  const page = await offsetPageOfEvents(ctx, 'audit', auditLogConditions(input), input);
  return { list: page.events.map(auditLogFromEvent), paging: page.paging };
}

export function scrollAuditLogs({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AuditLogScrollInput;
}): Promise<AuditLogScrollPage> {
  return scrollEvents(ctx, 'audit', auditLogConditions(input), input, auditLogFromEvent);
}

/** New audit logs as they are recorded, matching the list's filters (see tailEvents). */
export function tailAuditLogs({
  ctx,
  input,
  signal,
}: {
  ctx: ServiceContext;
  input: AuditLogTailInput;
  signal: AbortSignal | undefined;
}) {
  return tailEvents(ctx, {
    stream: 'audit',
    where: auditLogConditions(input),
    request: input,
    signal,
    fromEvent: auditLogFromEvent,
  });
}
