import { and, asc, desc, events, sql, type SQL } from '@opsledger/db';
import {
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  Timestamp,
  type StoredEvent,
  type Stream,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { invalidField } from '../../errors';
import { sqlInstant } from '../sql-instant';
import { teamStream } from './event-conditions';
import { storedEventFromRow } from './stored-event';

type Direction = 'asc' | 'desc';

/**
 * What a keyset page is ordered by; the per-team seq always breaks ties, so the order is total.
 * A category order names the categories a cursor may carry (the store's categories are not
 * nullable for such streams, so a row comparison on them is well defined).
 */
export type EventOrder =
  | { key: 'occurredAt'; direction: Direction }
  | { key: 'category'; direction: Direction; categories: readonly string[] };

/** The order of every newest-first scroll. */
export const NEWEST_FIRST: EventOrder = { key: 'occurredAt', direction: 'desc' };

export interface KeysetRequest {
  stream: Stream;
  where: (SQL | undefined)[];
  order: EventOrder;
  cursor: string | undefined;
  /** The input field a bad cursor is reported on (`cursor`, `after`). */
  cursorField: string;
  limit: number;
}

export interface KeysetPage {
  events: StoredEvent[];
  nextCursor: string | null;
  /** The cursor that continues after this event, for connections that give one per edge. */
  cursorOf(event: StoredEvent): string;
}

const sortValueOf = (order: EventOrder, event: StoredEvent) =>
  order.key === 'occurredAt' ? event.occurredAt : (event.category ?? '');

/** The cursor's sort value as SQL, refusing one this order never issues. */
function sortBound(order: EventOrder, sortValue: string): SQL {
  if (order.key === 'occurredAt') {
    const instant = Timestamp.safeParse(sortValue);
    if (!instant.success) throw new InvalidCursorError();
    return sqlInstant(instant.data);
  }
  if (!order.categories.includes(sortValue)) throw new InvalidCursorError();
  return sql`${sortValue}::text`;
}

/** The rows strictly beyond a cursor in the order's direction; a bad cursor names its field. */
function beyondCursor(
  request: KeysetRequest,
  cursor: string,
  column: typeof events.occurredAt | typeof events.category,
): SQL {
  const { order } = request;
  let bound: SQL;
  let seq: number;
  try {
    const [sortValue, cursorSeq] = decodeCursor(cursor);
    bound = sortBound(order, sortValue);
    seq = cursorSeq;
  } catch (error) {
    if (error instanceof InvalidCursorError) throw invalidField(request.cursorField, error.message);
    throw error;
  }
  const comparison = sql.raw(order.direction === 'desc' ? '<' : '>');
  return sql`(${column}, ${events.seq}) ${comparison} (${bound}, ${seq}::bigint)`;
}

/**
 * One keyset page of a team's stream: rows strictly after the cursor in (sort key, seq) order,
 * so a page costs the same at any depth and rows inserted meanwhile never shift a later page.
 * One row beyond the limit is read to know whether another page follows.
 */
export async function keysetPageOfEvents(
  ctx: ServiceContext,
  request: KeysetRequest,
): Promise<KeysetPage> {
  const { order } = request;
  const column = order.key === 'occurredAt' ? events.occurredAt : events.category;
  const direction = order.direction === 'desc' ? desc : asc;
  const after =
    request.cursor === undefined ? undefined : beyondCursor(request, request.cursor, column);

  const rows = await ctx.database.db
    .select()
    .from(events)
    .where(and(teamStream(ctx, request.stream), ...request.where, after))
    .orderBy(direction(column), direction(events.seq))
    .limit(request.limit + 1);

  const page = rows.slice(0, request.limit).map(storedEventFromRow);
  const cursorOf = (event: StoredEvent) => encodeCursor([sortValueOf(order, event), event.seq]);
  const last = page.at(-1);
  return {
    events: page,
    nextCursor: rows.length > request.limit && last ? cursorOf(last) : null,
    cursorOf,
  };
}
