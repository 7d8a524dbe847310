import { randomInt } from 'node:crypto';

import type { Database } from '@opsledger/db';

import { createCaller } from '../../caller';
import { seedActivities } from './activities';
import { seedApps } from './apps';
import { seedAuditLogs } from './audit-logs';
import { seedBackups } from './backups';
import type { DemoContext } from './demo-context';
import { demoRandom } from './demo-random';
import { seedPassportLogs } from './passport-logs';
import { demoPeople } from './people';
import { seedPlatformEvents } from './platform-events';
import { seedSyncRuns } from './sync-runs';
import { timeline } from './timeline';
import { seedTraffic } from './traffic';

export type DemoStream =
  'apps' | 'auditLogs' | 'activities' | 'passportLogs' | 'events' | 'backups' | 'syncs' | 'traffic';

/** Every stream a team records (named by its API namespace), in the order they are written. */
const STREAMS: readonly (readonly [DemoStream, (ctx: DemoContext) => Promise<number>])[] = [
  ['auditLogs', seedAuditLogs],
  ['activities', seedActivities],
  ['passportLogs', seedPassportLogs],
  ['events', seedPlatformEvents],
  ['backups', seedBackups],
  ['syncs', seedSyncRuns],
  ['traffic', seedTraffic],
];

export interface DemoDataReport {
  /** Rows written per stream. */
  written: Partial<Record<DemoStream, number>>;
  /** Streams that could not be written, with why. */
  failures: { stream: DemoStream; message: string }[];
}

export interface SeedDemoDataOptions {
  database: Database;
  teamId: string;
  /** An owner key of the team: the demo is written through the API as that owner. */
  ownerKey: string;
  seed?: number;
  now?: Date;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes two months of realistic history for a new team across every stream. A stream that
 * fails is reported and the others still written: demo data is a convenience, never a reason
 * for the server not to start.
 */
export async function seedDemoData(options: SeedDemoDataOptions): Promise<DemoDataReport> {
  const random = demoRandom(options.seed ?? randomInt(2 ** 31));
  const api = await createCaller(options.database, options.ownerKey);
  const report: DemoDataReport = { written: {}, failures: [] };
  let apps;
  try {
    apps = await seedApps(api, options.teamId);
    report.written.apps = apps.length;
  } catch (error) {
    report.failures.push({ stream: 'apps', message: messageOf(error) });
    return report;
  }
  const ctx: DemoContext = {
    api,
    database: options.database,
    teamId: options.teamId,
    random,
    time: timeline(options.now ?? new Date(), random),
    people: demoPeople(random),
    apps,
  };
  for (const [stream, seed] of STREAMS) {
    try {
      report.written[stream] = await seed(ctx);
    } catch (error) {
      report.failures.push({ stream, message: messageOf(error) });
    }
  }
  return report;
}
