import { z } from 'zod';

import { batchOf, Label, StorableString, Text, TimeRange, Timestamp } from '../common';
import { cursorPageOf, CursorRequest, PageRequest, Paging } from '../paging';
import { emptyEnvelopeFields, type EnvelopeFields, type StoredEvent } from './envelope';
import { IpAddress, WriteMeta } from './write-meta';

const optionalText = Text.optional();

export const AuditLogActor = z.object({
  did: Label,
  role: Label.optional(),
  fullName: Label.optional(),
  avatar: StorableString.max(2000).optional(),
  source: Label.optional(),
});

const EnvItem = z.object({ name: Label.optional(), version: Label.optional() });
export const AuditLogEnv = z.object({ browser: EnvItem.optional(), os: EnvItem.optional() });

/** One audit log entry as a writer sends it (the Blocklet Server AuditLog shape). */
export const AuditLogInput = WriteMeta.extend({
  scope: Label,
  category: Label,
  action: Label,
  content: Text.default(''),
  actor: AuditLogActor,
  env: AuditLogEnv.default({}),
  ip: IpAddress.optional(),
  ua: optionalText,
  componentDid: Label.optional(),
});
export type AuditLogInput = z.infer<typeof AuditLogInput>;
export const AuditLogBatch = z.object({ items: batchOf(AuditLogInput) });
export type AuditLogBatch = z.infer<typeof AuditLogBatch>;

export const AuditLog = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  scope: z.string(),
  category: z.string(),
  action: z.string(),
  content: z.string(),
  actor: z.object({
    did: z.string(),
    role: z.string().nullable(),
    fullName: z.string().nullable(),
    avatar: z.string().nullable(),
    source: z.string().nullable(),
  }),
  env: AuditLogEnv,
  ip: z.string().nullable(),
  ua: z.string().nullable(),
  componentDid: z.string().nullable(),
  createdAt: Timestamp,
});
export type AuditLog = z.infer<typeof AuditLog>;

/** Filters shared by the list, the export and the compatible endpoints. */
export const AuditLogFilter = TimeRange.and(
  z.object({
    scope: Label.optional(),
    category: Label.optional(),
    /** Case-insensitive text that the action or the content contains. */
    actionOrContent: StorableString.trim().min(1).max(200).optional(),
    /** The actor's DID, exactly (the portal's actor filter). */
    actorDid: Label.optional(),
  }),
);
export type AuditLogFilter = z.infer<typeof AuditLogFilter>;

export const AuditLogListInput = AuditLogFilter.and(PageRequest);
export type AuditLogListInput = z.infer<typeof AuditLogListInput>;
export const AuditLogPage = z.object({ list: z.array(AuditLog), paging: Paging });
export type AuditLogPage = z.infer<typeof AuditLogPage>;

export function auditLogToEnvelope(input: AuditLogInput): EnvelopeFields {
  return {
    ...emptyEnvelopeFields,
    scope: input.scope,
    category: input.category,
    action: input.action,
    content: input.content,
    actorDid: input.actor.did,
    actorName: input.actor.fullName ?? null,
    targetId: input.componentDid ?? null,
    ip: input.ip ?? null,
    userAgent: input.ua ?? null,
    payload: {
      actor: { role: input.actor.role, avatar: input.actor.avatar, source: input.actor.source },
      env: input.env,
    },
  };
}

interface AuditPayload {
  actor?: { role?: string; avatar?: string; source?: string };
  env?: AuditLog['env'];
}

export function auditLogFromEvent(event: StoredEvent): AuditLog {
  const payload = event.payload as AuditPayload;
  return {
    id: event.id,
    seq: event.seq,
    scope: event.scope ?? '',
    category: event.category ?? '',
    action: event.action ?? '',
    content: event.content ?? '',
    actor: {
      did: event.actorDid ?? '',
      role: payload.actor?.role ?? null,
      fullName: event.actorName,
      avatar: payload.actor?.avatar ?? null,
      source: payload.actor?.source ?? null,
    },
    env: payload.env ?? {},
    ip: event.ip,
    ua: event.userAgent,
    componentDid: event.targetId,
    createdAt: event.occurredAt,
  };
}

/** Keyset pages over the same filters, newest first: for export, tails and deep reads. */
export const AuditLogScrollInput = AuditLogFilter.and(CursorRequest);
export type AuditLogScrollInput = z.infer<typeof AuditLogScrollInput>;
export const AuditLogScrollPage = cursorPageOf(AuditLog);
export type AuditLogScrollPage = z.infer<typeof AuditLogScrollPage>;
