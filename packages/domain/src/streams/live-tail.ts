import { z } from 'zod';

import { AuditLogFilter } from './audit-logs';
import { EventType } from './platform-events';

/**
 * Where a live tail starts. `lastEventId` is the seq of the last event a client received, which
 * tRPC's SSE link sends again when it reconnects; `afterSeq` is the caller's own starting point
 * (the newest seq a page already shows). Without either, the tail starts with the next append.
 */
export const TailRequest = z.object({
  afterSeq: z.number().int().min(0).optional(),
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/, 'must be the seq of an event the tail sent')
    .nullish(),
});
export type TailRequest = z.infer<typeof TailRequest>;

/** The audit log's live tail takes the list's filters. */
export const AuditLogTailInput = AuditLogFilter.and(TailRequest);
export type AuditLogTailInput = z.infer<typeof AuditLogTailInput>;

/** The events' live tail, of one type as the list. */
export const PlatformEventTailInput = z
  .object({ type: EventType.default('user') })
  .and(TailRequest);
export type PlatformEventTailInput = z.infer<typeof PlatformEventTailInput>;
