import type { SQL } from '@opsledger/db';
import type { CursorRequest, StoredEvent, Stream } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { keysetPageOfEvents, NEWEST_FIRST } from './keyset-page';

/** A `scroll` page of a stream: newest first, continued by the `cursor` it returns. */
export async function scrollEvents<T>(
  ctx: ServiceContext,
  stream: Stream,
  where: (SQL | undefined)[],
  request: CursorRequest,
  fromEvent: (event: StoredEvent) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const page = await keysetPageOfEvents(ctx, {
    stream,
    where,
    order: NEWEST_FIRST,
    cursor: request.cursor,
    cursorField: 'cursor',
    limit: request.limit,
  });
  return { items: page.events.map(fromEvent), nextCursor: page.nextCursor };
}
