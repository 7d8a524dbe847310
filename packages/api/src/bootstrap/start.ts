import { openDatabase, type Database, type DatabaseKind } from '@opsledger/db';
import { bootstrapTeam, type BootstrapReport } from './bootstrap-team';
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
  return { database, ready, status: () => status };
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
