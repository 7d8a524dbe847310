import { eq, events, ilike, or, type SQL } from '@opsledger/db';
import type { AuditLogFilter } from '@opsledger/domain';

import { occurredWithin } from '../events/event-conditions';
import { containing, searchCondition } from '../search/search-sql';

/** The audit log filters shared by the list and the scroll. */
export function auditLogConditions(filter: AuditLogFilter): (SQL | undefined)[] {
  const pattern =
    filter.actionOrContent === undefined ? undefined : containing(filter.actionOrContent);
  return [
    filter.scope === undefined ? undefined : eq(events.scope, filter.scope),
    filter.category === undefined ? undefined : eq(events.category, filter.category),
    filter.actorDid === undefined ? undefined : eq(events.actorDid, filter.actorDid),
    pattern === undefined
      ? undefined
      : or(ilike(events.action, pattern), ilike(events.content, pattern)),
    ...occurredWithin(filter.from, filter.to),
    searchCondition('audit', filter.q),
  ];
}
