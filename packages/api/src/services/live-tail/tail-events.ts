import { tracked, type TrackedEnvelope } from '@trpc/server';

import { and, asc, eq, eventChainHeads, events, gt, lte, type SQL } from '@opsledger/db';
import type { StoredEvent, Stream, TailRequest } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { teamStream } from '../events/event-conditions';
import { storedEventFromRow } from '../events/stored-event';
import { eventFeedOf } from './event-feed';

/** Rows read per query while catching up: a reconnect after a long gap reads in pages. */
const CATCH_UP_PAGE = 200;

/** The team's last committed seq (0 before its first event). */
async function lastSeqOf(ctx: ServiceContext): Promise<number> {
  const [head] = await ctx.database.db
    .select({ seq: eventChainHeads.seq })
    .from(eventChainHeads)
    .where(eq(eventChainHeads.teamId, ctx.caller.team.id));
  return head ? Number(head.seq) : 0;
}

/** Where a tail starts: after the client's last event, after the seq it asked for, or now. */
async function startingSeq(ctx: ServiceContext, request: TailRequest): Promise<number> {
  if (request.lastEventId != null) return Number(request.lastEventId);
  if (request.afterSeq !== undefined) return request.afterSeq;
  return lastSeqOf(ctx);
}

export interface TailOptions<T> {
  stream: Stream;
  /** The list's own filter conditions: the tail sends only what the list would show. */
  where: (SQL | undefined)[];
  request: TailRequest;
  signal: AbortSignal | undefined;
  fromEvent: (event: StoredEvent) => T;
}

/**
 * A live tail of one team's stream: first every matching event after the starting seq, then each
 * new one as it is appended, each tracked by its seq so a client that reconnects (SSE sends the
 * last id it saw) resumes exactly after it: no gap, no duplicate.
 *
 * Reads are bounded by the team's committed last seq: seq is gap-free and given out under the
 * chain lock until commit, so every seq up to it is committed and readable; the range after it is
 * read on the next wake-up. A notice only wakes the tail; what it sends comes from the table.
 */
export async function* tailEvents<T>(
  ctx: ServiceContext,
  options: TailOptions<T>,
): AsyncGenerator<TrackedEnvelope<T>, void, unknown> {
  const watch = await eventFeedOf(ctx.database).watch(ctx.caller.team.id);
  try {
    let after = await startingSeq(ctx, options.request);
    for (;;) {
      const head = await lastSeqOf(ctx);
      while (after < head) {
        const rows = await ctx.database.db
          .select()
          .from(events)
          .where(
            and(
              teamStream(ctx, options.stream),
              ...options.where,
              gt(events.seq, after),
              lte(events.seq, head),
            ),
          )
          .orderBy(asc(events.seq))
          .limit(CATCH_UP_PAGE);
        for (const row of rows) {
          yield tracked(String(row.seq), options.fromEvent(storedEventFromRow(row)));
        }
        const last = rows.at(-1);
        after = rows.length < CATCH_UP_PAGE || !last ? head : last.seq;
      }
      if ((await watch.next(options.signal)) !== 'changed') return;
    }
  } finally {
    watch.stop();
  }
}
