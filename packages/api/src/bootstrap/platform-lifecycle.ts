import { hostname } from 'node:os';

import { teams, type Database } from '@opsledger/db';

import { keyCaller } from '../auth/authenticate';
import { logger } from '../logging/logger';
import { recordPlatformEvent } from '../services/platform-events/record-platform-events';

/** The platform's own comings and goings, as HBlock system events. */
export type LifecycleEvent = 'ServiceStarted' | 'ServiceStopped';

/** Which process: every web instance writes its own start and stop. */
export const INSTANCE_ID = `${hostname()}:${process.pid}`;

/** Teams written to at once: enough to be quick, few enough to leave the pool to requests. */
const CONCURRENCY = 4;

/**
 * Appends a `System` event to every team (one write each); a team that cannot be written is
 * logged and skipped, never a reason for the start or stop to fail. Gives the number written.
 */
export async function recordLifecycleEvent(
  database: Database,
  name: LifecycleEvent,
): Promise<number> {
  const all = await database.db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teams);
  let next = 0;
  let written = 0;
  async function worker() {
    for (let team = all[next++]; team; team = all[next++]) {
      try {
        await recordPlatformEvent({
          // The platform speaks for itself here; no key of the team is involved.
          ctx: { database, caller: keyCaller(team, 'platform', 'owner') },
          input: { type: 'system', module: 'System', name, instanceId: INSTANCE_ID },
        });
        written += 1;
      } catch (error) {
        logger().warn({ err: error, team: team.slug }, `could not record ${name}`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return written;
}
