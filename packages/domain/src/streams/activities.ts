import { z } from 'zod';

import { batchOf, Label, MAX_PAGE_SIZE, StorableString, Timestamp } from '../common';
import { ACTIVITY_RESOURCE_TYPES, ACTIVITY_SORTS } from '../enums';
import { SearchQueryText } from '../search/search-query-text';
import { emptyEnvelopeFields, type EnvelopeFields, type StoredEvent } from './envelope';
import { WriteMeta } from './write-meta';

export { ACTIVITY_RESOURCE_TYPES, ACTIVITY_SORTS };

export const ActivityResourceType = z.enum(ACTIVITY_RESOURCE_TYPES);
export type ActivityResourceType = z.infer<typeof ActivityResourceType>;

export const ActivitySort = z.enum(ACTIVITY_SORTS);
export type ActivitySort = z.infer<typeof ActivitySort>;

export const AuditLogSession = z.object({
  sessionId: Label,
  authenticatedEntityName: Label.nullable().optional(),
  sessionEvents: z.array(StorableString.max(1000)).max(1000).nullable().optional(),
});

/** One resource change as a writer sends it (the Activities Log AuditLog shape). */
export const ActivityInput = WriteMeta.extend({
  sourceId: Label,
  sequenceKey: Label,
  websiteUuid: StorableString.max(200).nullable().optional(),
  companyId: Label,
  keypoint: z.boolean().default(false),
  endpoint: z.boolean().default(false),
  changedFields: z.array(StorableString.max(200)).max(1000).default([]),
  resourceTitle: StorableString.max(1000),
  resourceType: ActivityResourceType,
  auditLogSession: AuditLogSession.nullable().optional(),
});
export type ActivityInput = z.infer<typeof ActivityInput>;
export const ActivityBatch = z.object({ items: batchOf(ActivityInput) });
export type ActivityBatch = z.infer<typeof ActivityBatch>;

export const Activity = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  /** The event's chain hash: sha256(previous hash || canonical form), hex. */
  hash: z.string(),
  sourceId: z.string(),
  sequenceKey: z.string(),
  websiteUuid: z.string().nullable(),
  companyId: z.string(),
  keypoint: z.boolean(),
  endpoint: z.boolean(),
  changedFields: z.array(z.string()),
  resourceTitle: z.string(),
  resourceType: ActivityResourceType,
  auditLogSession: z
    .object({
      sessionId: z.string(),
      authenticatedEntityName: z.string().nullable(),
      sessionEvents: z.array(z.string()).nullable(),
    })
    .nullable(),
  createdAt: Timestamp,
});
export type Activity = z.infer<typeof Activity>;

/** The seed's AuditLogFilterInput, with its string flags already read as booleans. */
export const ActivityFilter = z
  .object({
    websiteUuid: StorableString.max(200).optional(),
    companyId: StorableString.max(200).optional(),
    sourceId: StorableString.max(200).optional(),
    sequenceKey: StorableString.max(200).optional(),
    keypoint: z.boolean().optional(),
    endpoint: z.boolean().optional(),
    resourceType: ActivityResourceType.optional(),
    /** Inclusive upper bound. */
    createdAtBefore: Timestamp.optional(),
    /** Inclusive lower bound. */
    createdAtAfter: Timestamp.optional(),
    /** A query in the search language (search/search-query.ts), on top of the other filters. */
    q: SearchQueryText.optional(),
  })
  .refine((f) => !f.createdAtBefore || !f.createdAtAfter || f.createdAtAfter <= f.createdAtBefore, {
    message: 'must not be before createdAtAfter',
    path: ['createdAtBefore'],
  });
export type ActivityFilter = z.infer<typeof ActivityFilter>;

export const ActivityListInput = z.object({
  filter: ActivityFilter.default({}),
  sort: ActivitySort.default('createdAt_DESC'),
  first: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  after: z.string().max(500).optional(),
});
export type ActivityListInput = z.infer<typeof ActivityListInput>;

export const ActivityConnection = z.object({
  edges: z.array(z.object({ node: Activity, cursor: z.string() })),
  pageInfo: z.object({ endCursor: z.string().nullable(), hasNextPage: z.boolean() }),
});
export type ActivityConnection = z.infer<typeof ActivityConnection>;

/** Payload members that filters match on (`payload @> {...}`). */
export interface ActivityPayload {
  sequenceKey: string;
  websiteUuid: string | null;
  keypoint: boolean;
  endpoint: boolean;
  changedFields: string[];
  auditLogSession: Activity['auditLogSession'];
}

export function activityToEnvelope(input: ActivityInput): EnvelopeFields {
  const session = input.auditLogSession
    ? {
        sessionId: input.auditLogSession.sessionId,
        authenticatedEntityName: input.auditLogSession.authenticatedEntityName ?? null,
        sessionEvents: input.auditLogSession.sessionEvents ?? null,
      }
    : null;
  const payload: ActivityPayload = {
    sequenceKey: input.sequenceKey,
    websiteUuid: input.websiteUuid ?? null,
    keypoint: input.keypoint,
    endpoint: input.endpoint,
    changedFields: input.changedFields,
    auditLogSession: session,
  };
  return {
    ...emptyEnvelopeFields,
    scope: input.companyId,
    category: input.resourceType,
    targetType: input.resourceType,
    targetId: input.sourceId,
    targetTitle: input.resourceTitle,
    actorName: session?.authenticatedEntityName ?? null,
    requestId: session?.sessionId ?? null,
    payload: { ...payload },
  };
}

export function activityFromEvent(event: StoredEvent): Activity {
  const payload = event.payload as unknown as ActivityPayload;
  return {
    id: event.id,
    seq: event.seq,
    hash: event.hash,
    sourceId: event.targetId ?? '',
    sequenceKey: payload.sequenceKey,
    websiteUuid: payload.websiteUuid,
    companyId: event.scope ?? '',
    keypoint: payload.keypoint,
    endpoint: payload.endpoint,
    changedFields: payload.changedFields,
    resourceTitle: event.targetTitle ?? '',
    resourceType: ActivityResourceType.parse(event.category),
    auditLogSession: payload.auditLogSession,
    createdAt: event.occurredAt,
  };
}
