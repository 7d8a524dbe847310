import { and, eq, events, type Database } from '@opsledger/db';

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
  const rows = await database.db
    .select({ category: events.category, action: events.action, payload: events.payload })
    .from(events)
    .where(and(eq(events.teamId, teamId), eq(events.stream, 'system'), eq(events.targetId, runId)))
    .orderBy(events.seq);
  return rows.map((row) => {
    const payload = row.payload as { detail?: { body?: string } };
    return {
      module: row.category ?? '',
      name: row.action ?? '',
      body: JSON.parse(payload.detail?.body ?? '{}') as Record<string, unknown>,
    };
  });
}
