import { and, count, desc, events, type SQL } from '@opsledger/db';
import {
  pagingOf,
  type PageRequest,
  type Paging,
  type StoredEvent,
  type Stream,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { teamStream } from './event-conditions';
import { storedEventFromRow } from './stored-event';

export interface OffsetPage {
  events: StoredEvent[];
  paging: Paging;
}

/**
 * A numbered page of a team's stream, newest first, with the total the Blocklet paging reports.
 * Deep pages cost an OFFSET scan; the keyset `scroll` is the path for deep or live reads.
 */
export async function offsetPageOfEvents(
  ctx: ServiceContext,
  stream: Stream,
  where: (SQL | undefined)[],
  request: PageRequest,
): Promise<OffsetPage> {
  const condition = and(teamStream(ctx, stream), ...where);
  const [rows, totals] = await Promise.all([
    ctx.database.db
      .select()
      .from(events)
      .where(condition)
      .orderBy(desc(events.occurredAt), desc(events.seq))
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize),
    ctx.database.db.select({ total: count() }).from(events).where(condition),
  ]);
  return {
    events: rows.map(storedEventFromRow),
    paging: pagingOf(request, totals[0]?.total ?? 0),
  };
}
