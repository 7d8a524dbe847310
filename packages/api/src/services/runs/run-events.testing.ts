import type { Database } from '@opsledger/db';

export interface RunEventRow {
  name: string;
  module: string;
  body: Record<string, unknown>;
}

/** The system events a run left in its team's chain, oldest first (tests only). */
export async function systemEventsOfRun(
  database: Database,
  teamId: string,
  runId: string,
): Promise<RunEventRow[]> {
  const rows = await database.query<{ category: string; action: string; payload: unknown }>(
    `select category, action, payload from events
      where team_id = $1 and stream = 'system' and target_id = $2 order by seq`,
    [teamId, runId],
  );
  return rows.map((row) => {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
      detail?: { body?: string };
    };
    return {
      module: row.category,
      name: row.action,
      body: JSON.parse(payload.detail?.body ?? '{}') as Record<string, unknown>,
    };
  });
}
