import { eq, events, sql, type SQL } from '@opsledger/db';
import type { ActivityFilter, ActivityPayload } from '@opsledger/domain';

import { occurredWithin } from '../events/event-conditions';

type PayloadMatch = Partial<
  Pick<ActivityPayload, 'sequenceKey' | 'websiteUuid' | 'keypoint' | 'endpoint'>
>;

/**
 * The seed's AuditLogFilterInput over the store. Fields the envelope has are columns; the rest
 * live in the payload and match together through one jsonb containment.
 */
export function activityConditions(filter: ActivityFilter): (SQL | undefined)[] {
  const match: PayloadMatch = {};
  if (filter.sequenceKey !== undefined) match.sequenceKey = filter.sequenceKey;
  if (filter.websiteUuid !== undefined) match.websiteUuid = filter.websiteUuid;
  if (filter.keypoint !== undefined) match.keypoint = filter.keypoint;
  if (filter.endpoint !== undefined) match.endpoint = filter.endpoint;
  return [
    filter.sourceId === undefined ? undefined : eq(events.targetId, filter.sourceId),
    filter.companyId === undefined ? undefined : eq(events.scope, filter.companyId),
    filter.resourceType === undefined ? undefined : eq(events.category, filter.resourceType),
    Object.keys(match).length === 0
      ? undefined
      : sql`${events.payload} @> ${JSON.stringify(match)}::jsonb`,
    ...occurredWithin(filter.createdAtAfter, filter.createdAtBefore),
  ];
}
