import { and, asc, events, inArray, sql } from '@opsledger/db';
import type { Activity } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { teamStream } from '../events/event-conditions';

/**
 * The ids of the given activities that open their sequence: the first entry of the team with
 * their `sequenceKey` in createdAt_ASC order (createdAt, then storage order). One query for a
 * whole page, however many sequences it touches.
 */
export async function sequenceOpeners(
  ctx: ServiceContext,
  activities: readonly Pick<Activity, 'sequenceKey'>[],
): Promise<Set<string>> {
  const keys = [...new Set(activities.map((activity) => activity.sequenceKey))];
  if (keys.length === 0) return new Set();
  const sequenceKey = sql<string>`${events.payload}->>'sequenceKey'`;
  const rows = await ctx.database.db
    .selectDistinctOn([sequenceKey], { id: events.id })
    .from(events)
    .where(and(teamStream(ctx, 'activity'), inArray(sequenceKey, keys)))
    .orderBy(sequenceKey, asc(events.occurredAt), asc(events.seq));
  return new Set(rows.map((row) => row.id));
}
