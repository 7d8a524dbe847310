import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import { appendToEachTeam, teams, type Database } from '@opsledger/db';
import { platformEventToEnvelope } from '@opsledger/domain';

import { logger } from '../logging/logger';

/** The platform's own comings and goings, as HBlock system events. */
export type LifecycleEvent = 'ServiceStarted' | 'ServiceStopped';

/** Which process: every web instance writes its own start and stop. */
export const INSTANCE_ID = `${hostname()}:${process.pid}`;

/**
 * Appends a `System` event to every team, a few statements per chunk of teams however many there
 * are; a failure is logged, never a reason for the start or stop to fail. Gives the number written.
 */
export async function recordLifecycleEvent(
  database: Database,
  name: LifecycleEvent,
): Promise<number> {
  const all = await database.db.select({ id: teams.id }).from(teams);
  const occurredAt = new Date().toISOString();
  const envelope = platformEventToEnvelope({
    type: 'system',
    module: 'System',
    name,
    instanceId: INSTANCE_ID,
  });
  try {
    return await appendToEachTeam(
      database,
      all.map((team) => ({
        teamId: team.id,
        event: { ...envelope, id: randomUUID(), stream: 'system', occurredAt },
      })),
    );
  } catch (error) {
    logger().warn({ err: error }, `could not record ${name} in every team`);
    return 0;
  }
}
