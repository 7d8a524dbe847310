import { z } from 'zod';

import { batchOf, Label, StorableString, Text, Timestamp } from '../common';
import { EVENT_TYPES } from '../enums';
import { cursorPageOf, CursorRequest } from '../paging';
import { emptyEnvelopeFields, type EnvelopeFields, type StoredEvent } from './envelope';
import { IpAddress, WriteMeta } from './write-meta';

export { EVENT_TYPES };
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** At most this many events come back from one read, as in HBlock. */
export const MAX_EVENTS_READ = 1000;

const Detail = z.object({
  method: StorableString.max(20).optional(),
  url: StorableString.max(4000).optional(),
  body: Text.optional(),
});

export const PlatformEventInput = WriteMeta.extend({
  type: EventType,
  module: Label,
  name: Label,
  requestId: Label.optional(),
  requesterIP: IpAddress.optional(),
  statusCode: z.number().int().min(100).max(599).optional(),
  errorCode: StorableString.max(200).optional(),
  errorMessage: Text.optional(),
  detail: Detail.optional(),
  instanceId: Label.optional(),
});
export type PlatformEventInput = z.infer<typeof PlatformEventInput>;
export const PlatformEventBatch = z.object({ items: batchOf(PlatformEventInput) });
export type PlatformEventBatch = z.infer<typeof PlatformEventBatch>;

export const PlatformEvent = z.object({
  eventId: z.uuid(),
  seq: z.number().int(),
  /** The event's chain hash: sha256(previous hash || canonical form), hex. */
  hash: z.string(),
  type: EventType,
  module: z.string(),
  name: z.string(),
  eventTime: Timestamp,
  requestId: z.string().nullable(),
  requesterIP: z.string().nullable(),
  statusCode: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  detail: Detail.nullable(),
  instanceId: z.string().nullable(),
});
export type PlatformEvent = z.infer<typeof PlatformEvent>;

export const PlatformEventListInput = z.object({
  type: EventType.default('user'),
  number: z.number().int().min(1).max(MAX_EVENTS_READ).default(MAX_EVENTS_READ),
});
export type PlatformEventListInput = z.infer<typeof PlatformEventListInput>;
/** The last events of one type, newest first (HBlock's response). */
export const PlatformEventList = z.object({ events: z.array(PlatformEvent) });
export type PlatformEventList = z.infer<typeof PlatformEventList>;

export const PlatformEventScrollInput = z
  .object({ type: EventType.default('user') })
  .and(CursorRequest);
export type PlatformEventScrollInput = z.infer<typeof PlatformEventScrollInput>;
export const PlatformEventScrollPage = cursorPageOf(PlatformEvent);
export type PlatformEventScrollPage = z.infer<typeof PlatformEventScrollPage>;

interface PlatformPayload {
  statusCode?: number;
  errorCode?: string;
  errorMessage?: string;
  detail?: z.infer<typeof Detail>;
}

export function platformEventToEnvelope(input: PlatformEventInput): EnvelopeFields {
  const payload: PlatformPayload = {
    statusCode: input.statusCode,
    errorCode: input.errorCode,
    errorMessage: input.errorMessage,
    detail: input.detail,
  };
  return {
    ...emptyEnvelopeFields,
    category: input.module,
    action: input.name,
    requestId: input.requestId ?? null,
    ip: input.requesterIP ?? null,
    targetId: input.instanceId ?? null,
    payload: { ...payload },
  };
}

export function platformEventFromEvent(event: StoredEvent): PlatformEvent {
  const payload = event.payload as PlatformPayload;
  return {
    eventId: event.id,
    seq: event.seq,
    hash: event.hash,
    type: EventType.parse(event.stream),
    module: event.category ?? '',
    name: event.action ?? '',
    eventTime: event.occurredAt,
    requestId: event.requestId,
    requesterIP: event.ip,
    statusCode: payload.statusCode ?? null,
    errorCode: payload.errorCode ?? null,
    errorMessage: payload.errorMessage ?? null,
    detail: payload.detail ?? null,
    instanceId: event.targetId,
  };
}
