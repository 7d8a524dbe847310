import { DEFAULT_RETENTION_DAYS, RETENTION_STREAMS } from '@opsledger/domain';

/**
 * SQL for the days a team keeps a stream (null: forever), given the team's policy row `p`
 * (left-joined, so p.team_id is null when no owner has set one) and the stream expression.
 */
export function retentionDaysSql(policy: string, stream: string): string {
  const defaults = RETENTION_STREAMS.map(
    (name) => `when '${name}' then ${DEFAULT_RETENTION_DAYS[name] ?? 'null'}::integer`,
  ).join(' ');
  return `(case when ${policy}.team_id is not null then ${policy}.days else (case ${stream} ${defaults} end) end)`;
}
