import { startOpsLedger, type OpsLedger } from '@opsledger/api';

import { serverConfig } from '../env';
import { credentialsFile, workerKeyFile } from './credentials-file';
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
    signingKey: config.signingKey,
    checkpoints: config.checkpoints,
    credentials: credentialsFile(config.dataDir, config.publicUrl, log),
    workerKey: workerKeyFile(config.dataDir),
    publicUrl: config.publicUrl,
    log,
    writeLimits: { importHorizonDays: config.importHorizonDays },
  });
}
