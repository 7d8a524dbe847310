import { startOpsLedger, type OpsLedger } from '@opsledger/api';

import { serverConfig } from '../env';
import { credentialsFile } from './credentials-file';
import { log } from './logging';

/**
 * This process's OpsLedger: the database, migrated, with the demo team bootstrapped. The
 * first caller (instrumentation, or a request that came first) starts it; everyone shares it.
 */
export function opsLedger(): OpsLedger {
  const config = serverConfig();
  return startOpsLedger({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    migrationsDir: config.migrationsDir,
    secretKeys: config.secretKeys,
    credentials: credentialsFile(config.dataDir, config.publicUrl, log),
    publicUrl: config.publicUrl,
    log,
    writeLimits: { importHorizonDays: config.importHorizonDays },
  });
}
