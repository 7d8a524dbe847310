import type { events, InferSelectModel } from '@opsledger/db';
import type { StoredEvent } from '@opsledger/domain';

import { isoInstant } from '../sql-instant';

export type EventRow = InferSelectModel<typeof events>;

/**
 * A stored row as the domain sees it. Drizzle hands timestamptz back as database text
 * (`2026-11-23 10:59:30.123+00`); the app writes only millisecond times, so the ISO form is the
 * exact value, the one that was hashed and the one a cursor carries.
 */
export function storedEventFromRow(row: EventRow): StoredEvent {
  return {
    teamId: row.teamId,
    seq: row.seq,
    prevHash: row.prevHash,
    hash: row.hash,
    id: row.id,
    stream: row.stream,
    occurredAt: isoInstant(row.occurredAt),
    scope: row.scope,
    category: row.category,
    action: row.action,
    content: row.content,
    actorDid: row.actorDid,
    actorName: row.actorName,
    targetType: row.targetType,
    targetId: row.targetId,
    targetTitle: row.targetTitle,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    payload: row.payload,
  };
}
