import { eq, events, ilike, or, type SQL } from '@opsledger/db';
import type { AuditLogFilter } from '@opsledger/domain';

import { occurredWithin } from '../events/event-conditions';

/** A LIKE pattern that matches `text` literally anywhere: its own %, _ and \ are escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

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
  ];
}
