import { and, eq, events, sql, type SQL } from '@opsledger/db';
import type { Stream } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { sqlInstant } from '../sql-instant';

/** One team's stream: team_id leads, as it leads every index of the store. */
export const teamStream = (ctx: ServiceContext, stream: Stream): SQL | undefined =>
  and(eq(events.teamId, ctx.caller.team.id), eq(events.stream, stream));

/** `from <= occurred_at <= to`, either end optional. */
export const occurredWithin = (from: string | undefined, to: string | undefined): SQL[] => [
  ...(from === undefined ? [] : [sql`${events.occurredAt} >= ${sqlInstant(from)}`]),
  ...(to === undefined ? [] : [sql`${events.occurredAt} <= ${sqlInstant(to)}`]),
];
