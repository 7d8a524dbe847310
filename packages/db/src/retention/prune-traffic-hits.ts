import type { Database } from '../database';
import { retentionDaysSql } from './retention-days';

/** Hits deleted per statement: each delete is a short transaction that holds few row locks. */
const BATCH = 5000;

/**
 * Deletes raw traffic hits older than their team's traffic retention, app by app, in bounded
 * batches along the (team, app, occurred_at) index. traffic_hits is not partitioned: it holds
 * only weeks of hits (the daily figures keep the history), so a day's expiry is one day's
 * hits, which batches of deletes remove without a long lock or a table rewrite.
 */
export async function pruneTrafficHits(database: Database, now: Date): Promise<number> {
  const apps = await database.query<{ team_id: string; app_id: string; cutoff: string }>(
    `select a.team_id, a.id as app_id,
            ($1::timestamptz - ${retentionDaysSql('p', "'traffic'")} * interval '1 day')::text as cutoff
       from apps a left join retention_policies p on p.team_id = a.team_id and p.stream = 'traffic'
      where ${retentionDaysSql('p', "'traffic'")} is not null`,
    [now.toISOString()],
  );
  let pruned = 0;
  for (const app of apps) {
    for (;;) {
      const deleted = await database.query<{ id: number }>(
        `delete from traffic_hits where team_id = $1 and id in (
           select id from traffic_hits
            where team_id = $1 and app_id = $2 and occurred_at < $3::timestamptz limit ${BATCH})
         returning id`,
        [app.team_id, app.app_id, app.cutoff],
      );
      pruned += deleted.length;
      if (deleted.length < BATCH) break;
    }
  }
  return pruned;
}
