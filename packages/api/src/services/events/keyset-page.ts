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
import { newestFirstWindows, readNewestFirst } from './newest-first-windows';
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

interface DecodedCursor {
  sortValue: string;
  /** The sort value as SQL. */
  bound: SQL;
  seq: number;
}

/** A cursor this order issues, decoded; a bad one is refused naming its field. */
function decodedCursor(request: KeysetRequest, cursor: string): DecodedCursor {
  try {
    const [sortValue, seq] = decodeCursor(cursor);
    return { sortValue, bound: sortBound(request.order, sortValue), seq };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw invalidField(request.cursorField, error.message);
    throw error;
  }
}

/** The rows strictly beyond a cursor in the order's direction. */
function beyondCursor(
  order: EventOrder,
  cursor: DecodedCursor,
  column: typeof events.occurredAt | typeof events.category,
): SQL {
  const comparison = sql.raw(order.direction === 'desc' ? '<' : '>');
  return sql`(${column}, ${events.seq}) ${comparison} (${cursor.bound}, ${cursor.seq}::bigint)`;
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
  const cursor = request.cursor === undefined ? undefined : decodedCursor(request, request.cursor);
  const after = cursor === undefined ? undefined : beyondCursor(order, cursor, column);

  const read = (window: SQL[], limit: number) =>
    ctx.database.db
      .select()
      .from(events)
      .where(and(teamStream(ctx, request.stream), ...request.where, after, ...window))
      .orderBy(direction(column), direction(events.seq))
      .limit(limit);
  // Newest first, the page is read in time windows the planner prunes months with.
  const rows =
    order.key === 'occurredAt' && order.direction === 'desc'
      ? await readNewestFirst(
          newestFirstWindows(cursor?.sortValue, Date.now()),
          request.limit + 1,
          read,
        )
      : await read([], request.limit + 1);

  const page = rows.slice(0, request.limit).map(storedEventFromRow);
  const cursorOf = (event: StoredEvent) => encodeCursor([sortValueOf(order, event), event.seq]);
  const last = page.at(-1);
  return {
    events: page,
    nextCursor: rows.length > request.limit && last ? cursorOf(last) : null,
    cursorOf,
  };
}
