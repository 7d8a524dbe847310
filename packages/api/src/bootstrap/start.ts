import { openDatabase, type Database, type DatabaseKind } from '@opsledger/db';
import { flushRequestLog } from '../http/request-log/request-log-queue';
import { bootstrapTeam, type BootstrapReport } from './bootstrap-team';
import { checkDatabase, type DatabaseHealth } from './database-health';
import { recordLifecycleEvent } from './platform-lifecycle';
import type { CredentialsStore } from './team-credentials';

export interface StartOptions {
  /** PostgreSQL URL; without one the embedded database under dataDir is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  credentials: CredentialsStore;
  /** The team the first start founds and fills with demo data. */
  demoTeam?: { slug: string; name: string };
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

const defaultLog = (line: string) => console.log(`[opsledger] ${line}`);

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
  const database = openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const ready = database.then(async (opened) => {
    const report = await bootstrapTeam(opened, {
      team: options.demoTeam ?? DEMO_TEAM,
      credentials: options.credentials,
      log,
    });
    status = { state: 'ready', database: opened.kind };
    return report;
  });
  ready.catch((error: unknown) => {
    status = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
  });
  // In the background: readiness does not wait on one write per team.
  const started = ready
    .then(
      async () => recordLifecycleEvent(await database, 'ServiceStarted', log),
      () => 0, // a failed start is reported by whoever awaits ready
    )
    .catch((error: unknown) => {
      log(`could not record ServiceStarted: ${String(error)}`);
      return 0;
    });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const opened = await database;
      await started;
      await flushRequestLog(opened);
      await recordLifecycleEvent(opened, 'ServiceStopped', log);
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
