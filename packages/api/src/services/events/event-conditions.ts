import { and, eq, events, sql, type SQL } from '@opsledger/db';
import type { Stream } from '@opsledger/domain';
import type { ServiceContext } from '../../context';

/** One team's stream: team_id leads, as it leads every index of the store. */
export const teamStream = (ctx: ServiceContext, stream: Stream): SQL | undefined =>
  and(eq(events.teamId, ctx.caller.team.id), eq(events.stream, stream));

/**
 * An instant bound as a parameter. postgres.js rounds timestamptz parameters to milliseconds
 * even when given a string, so the value travels as text and is cast in SQL.
 */
export const instantParam = (iso: string): SQL => sql`${iso}::text::timestamptz`;

/** `from <= occurred_at <= to`, either end optional. */
export const occurredWithin = (from: string | undefined, to: string | undefined): SQL[] => [
  ...(from === undefined ? [] : [sql`${events.occurredAt} >= ${instantParam(from)}`]),
  ...(to === undefined ? [] : [sql`${events.occurredAt} <= ${instantParam(to)}`]),
];
