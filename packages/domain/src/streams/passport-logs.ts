import { z } from 'zod';

import { batchOf, JsonObject, Label, Text, Timestamp } from '../common';
import { cursorPageOf, CursorRequest, PageRequest, Paging } from '../paging';
import { emptyEnvelopeFields, type EnvelopeFields, type StoredEvent } from './envelope';
import { IpAddress, WriteMeta } from './write-meta';

/** Actions the Blocklet passport lifecycle records; others are accepted as written. */
export const KNOWN_PASSPORT_ACTIONS = [
  'issued',
  'revoked',
  'used',
  'approved',
  'expired',
  'renewed',
] as const;

export const PassportLogInput = WriteMeta.extend({
  passportId: Label,
  action: Label,
  operatorDid: Label.optional(),
  operatorIp: IpAddress.optional(),
  operatorUa: Text.optional(),
  metadata: JsonObject.default({}),
});
export type PassportLogInput = z.infer<typeof PassportLogInput>;
export const PassportLogBatch = z.object({ items: batchOf(PassportLogInput) });
export type PassportLogBatch = z.infer<typeof PassportLogBatch>;

/** A passport log entry; its `id` is its number in the team's event sequence. */
export const PassportLog = z.object({
  id: z.number().int(),
  eventId: z.uuid(),
  /** The event's chain hash (its seq is `id`). */
  hash: z.string(),
  passportId: z.string(),
  action: z.string(),
  operatorIp: z.string().nullable(),
  operatorUa: z.string().nullable(),
  operatorDid: z.string().nullable(),
  metadata: JsonObject,
  createdAt: Timestamp,
});
export type PassportLog = z.infer<typeof PassportLog>;

export const PassportLogFilter = z.object({ passportId: Label.optional() });
export type PassportLogFilter = z.infer<typeof PassportLogFilter>;
export const PassportLogListInput = PassportLogFilter.and(PageRequest);
export type PassportLogListInput = z.infer<typeof PassportLogListInput>;
export const PassportLogPage = z.object({ passportLogs: z.array(PassportLog), paging: Paging });
export type PassportLogPage = z.infer<typeof PassportLogPage>;
export const PassportLogScrollInput = PassportLogFilter.and(CursorRequest);
export type PassportLogScrollInput = z.infer<typeof PassportLogScrollInput>;
export const PassportLogScrollPage = cursorPageOf(PassportLog);
export type PassportLogScrollPage = z.infer<typeof PassportLogScrollPage>;

export function passportLogToEnvelope(input: PassportLogInput): EnvelopeFields {
  return {
    ...emptyEnvelopeFields,
    action: input.action,
    targetType: 'passport',
    targetId: input.passportId,
    actorDid: input.operatorDid ?? null,
    ip: input.operatorIp ?? null,
    userAgent: input.operatorUa ?? null,
    payload: { metadata: input.metadata },
  };
}

export function passportLogFromEvent(event: StoredEvent): PassportLog {
  return {
    id: event.seq,
    eventId: event.id,
    hash: event.hash,
    passportId: event.targetId ?? '',
    action: event.action ?? '',
    operatorIp: event.ip,
    operatorUa: event.userAgent,
    operatorDid: event.actorDid,
    metadata: (event.payload.metadata as JsonObject | undefined) ?? {},
    createdAt: event.occurredAt,
  };
}
