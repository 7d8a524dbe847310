import { and, eq, events, retentionPolicies, sql, type SQL } from '@opsledger/db';
import { DEFAULT_RETENTION_DAYS, type Stream } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { sqlInstant } from '../sql-instant';

/**
 * The oldest instant the team's policy still keeps for a stream, worked out by the database at
 * read time. Retention drops a month only when it has expired for every team, so a month may
 * outlive one team's policy: reads never answer what the policy has expired all the same.
 */
function keptSince(teamId: string, stream: Stream): SQL {
  const days = DEFAULT_RETENTION_DAYS[stream];
  const byDefault =
    days === null
      ? sql`'-infinity'::timestamptz`
      : sql`now() - ${days}::integer * interval '1 day'`;
  return sql`coalesce(
    (select case when p.days is null then '-infinity'::timestamptz
                 else now() - p.days * interval '1 day' end
       from ${retentionPolicies} p where p.team_id = ${teamId} and p.stream = ${stream}),
    ${byDefault})`;
}

/**
 * One team's stream, as far as its retention keeps it: team_id leads, as it leads every
 * index of the store.
 */
export const teamStream = (ctx: ServiceContext, stream: Stream): SQL | undefined =>
  and(
    eq(events.teamId, ctx.caller.team.id),
    eq(events.stream, stream),
    sql`${events.occurredAt} >= ${keptSince(ctx.caller.team.id, stream)}`,
  );

/** `from <= occurred_at <= to`, either end optional. */
export const occurredWithin = (from: string | undefined, to: string | undefined): SQL[] => [
  ...(from === undefined ? [] : [sql`${events.occurredAt} >= ${sqlInstant(from)}`]),
  ...(to === undefined ? [] : [sql`${events.occurredAt} <= ${sqlInstant(to)}`]),
];
