import { openDatabase, type Database, type DatabaseKind } from '@opsledger/db';
import type { SecretKeySpec } from '@opsledger/domain';

import { configurePortalAuth } from '../auth/portal/portal-auth';
import { type JobQueue, type JobQueueOptions } from '../jobs/job-queue';
import { startJobs } from '../jobs/start-jobs';
import { logger } from '../logging/logger';
import {
  applyDatabasePolicies,
  flushBackgroundWrites,
  type DatabasePolicies,
} from '../process/database-policies';
import { attachSecretKeyring, openServerKeyring } from '../secrets/server-keyring';
import { DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from '../services/chain/checkpoints';
import { closeEventFeed } from '../services/live-tail/event-feed';
import { bootstrapTeam, type BootstrapReport } from './bootstrap-team';
import { startCheckpoints } from './checkpoint-maintenance';
import { checkDatabase, type DatabaseHealth } from './database-health';
import { startPartitionMaintenance } from './partition-maintenance';
import { recordLifecycleEvent } from './platform-lifecycle';
import type { CredentialsStore } from './team-credentials';
import { ensureWorkerKey, type WorkerKeyStore } from './worker-credentials';

export interface StartOptions extends DatabasePolicies {
  /** PostgreSQL URL; without one the embedded database under dataDir is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** The committed migrations; unset: found from the working directory upwards. */
  migrationsDir?: string | undefined;
  /** Keys that encrypt stored shared secrets; without them, `secret-keys.json` in dataDir. */
  secretKeys?: readonly SecretKeySpec[] | undefined;
  credentials: CredentialsStore;
  /** The checkpoint-signing key (`OPSLEDGER_SIGNING_KEY`); without it, `signing-key.json` in dataDir. */
  signingKey?: string | undefined;
  /** When team chain heads get signed; default every 1,000 events or 10 minutes. */
  checkpoints?: CheckpointPolicy | undefined;
  /** Where the bundled worker's service key is kept; without it no worker key is issued. */
  workerKey?: WorkerKeyStore | undefined;
  /** Where people reach the portal (its sign-in cookies are Secure when it is https). */
  publicUrl?: string | undefined;
  /** The team the first start founds and fills with demo data. */
  demoTeam?: { slug: string; name: string };
  /** Leases, retries and intervals of the job queue the workers claim from. */
  jobs?: JobQueueOptions | undefined;
  log?: (line: string) => void;
}

export type StartStatus =
  | { state: 'starting' }
  | { state: 'ready'; database: DatabaseKind }
  | { state: 'failed'; error: string };

export interface OpsLedger {
  /** Opened and migrated: requests can be served. */
  database: Promise<Database>;
  /** Also bootstrapped: the demo team and its credentials exist, its demo data is written. */
  ready: Promise<BootstrapReport>;
  status(): StartStatus;
  /** Whether the database answers now (a started server can lose it: a restart, an outage). */
  checkDatabase(): Promise<DatabaseHealth>;
  /**
   * A graceful stop: writes the pending request log, records ServiceStopped in every team and
   * closes the database. Call it once the server has stopped taking requests (SIGTERM).
   */
  stop(): Promise<void>;
}

const DEMO_TEAM = { slug: 'demo', name: 'Demo' };

const shared = globalThis as typeof globalThis & { __opsledgerStart?: OpsLedger };

const defaultLog = (line: string) => logger().info(line);

function describeDatabase(options: StartOptions): string {
  if (!options.databaseUrl) {
    return (
      `embedded PGlite in ${options.dataDir} ` +
      '(not durable against power loss: point DATABASE_URL at PostgreSQL in production)'
    );
  }
  const url = new URL(options.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function start(options: StartOptions): OpsLedger {
  const log = options.log ?? defaultLog;
  let status: StartStatus = { state: 'starting' };

  log(`opening ${describeDatabase(options)}`);
  const database = openServerKeyring(options).then(async (keyring) => {
    const opened = await openDatabase({
      databaseUrl: options.databaseUrl,
      dataDir: options.dataDir,
      migrationsDir: options.migrationsDir,
    });
    await attachSecretKeyring(opened, keyring, log);
    applyDatabasePolicies(opened, options);
    if (options.publicUrl) configurePortalAuth(opened, { publicUrl: options.publicUrl });
    return opened;
  });
  let stopMaintenance = () => {};
  let stopCheckpoints = () => Promise.resolve();
  let jobQueue: JobQueue | null = null;
  const ready = database.then(async (opened) => {
    stopMaintenance = await startPartitionMaintenance(opened, log);
    stopCheckpoints = await startCheckpoints(
      opened,
      {
        dataDir: options.dataDir,
        signingKey: options.signingKey,
        checkpoints: options.checkpoints ?? DEFAULT_CHECKPOINT_POLICY,
      },
      log,
    );
    jobQueue = await startJobs(opened, options.jobs);
    const report = await bootstrapTeam(opened, {
      team: options.demoTeam ?? DEMO_TEAM,
      credentials: options.credentials,
      log,
    });
    if (options.workerKey) await ensureWorkerKey(opened, report.team, options.workerKey);
    status = { state: 'ready', database: opened.kind };
    return report;
  });
  ready.catch((error: unknown) => {
    status = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
  });
  // In the background: readiness does not wait on one write per team.
  const started = ready
    .then(
      async () => recordLifecycleEvent(await database, 'ServiceStarted'),
      () => 0, // a failed start is reported by whoever awaits ready
    )
    .catch((error: unknown) => {
      logger().warn({ err: error }, 'could not record ServiceStarted');
      return 0;
    });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const opened = await database;
      stopMaintenance();
      await jobQueue?.stop();
      // Live tails end first: their open responses would otherwise hold the HTTP server open.
      await closeEventFeed(opened);
      await started;
      await flushBackgroundWrites(opened);
      await recordLifecycleEvent(opened, 'ServiceStopped');
      // After the last event: a stopped server leaves its chains signed to their heads.
      await stopCheckpoints();
      await opened.close();
    })());
  return {
    database,
    ready,
    status: () => status,
    checkDatabase: async () => checkDatabase(await database),
    stop,
  };
}

/**
 * Opens and migrates the database, then makes sure the demo team and its owner credentials
 * exist (on the first start also its demo data). Once per process: Next.js loads server
 * modules several times, and all of them share what the first call started.
 */
export function startOpsLedger(options: StartOptions): OpsLedger {
  shared.__opsledgerStart ??= start(options);
  return shared.__opsledgerStart;
}
