import { credentialsPath } from '@opsledger/client/credentials';
import { serverConfig } from '../env';
import { log, opsLedger } from './opsledger';

/**
 * Starts OpsLedger with the server and says when it is ready. A server that cannot open or
 * migrate its database (or finds the embedded one in use by another process) is of no use:
 * it exits with the reason rather than answer 503 forever.
 */
function stop(error: unknown): never {
  console.error(`[opsledger] cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/**
 * On SIGTERM/SIGINT Next.js closes its HTTP server and exits; alongside, OpsLedger writes the
 * waiting request log, records ServiceStopped and closes the database (for PGlite, its files).
 */
function stopOnSignals(): void {
  const onSignal = () => {
    opsLedger()
      .stop()
      .catch((error: unknown) => console.error('[opsledger] stop failed', error));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

export function startServer(): void {
  try {
    stopOnSignals();
    const config = serverConfig();
    opsLedger().ready.then((report) => {
      if (!report.demoData) log(`credentials: ${credentialsPath(config.dataDir)}`);
      log(`ready on ${config.publicUrl} (health: ${config.publicUrl}/api/health)`);
    }, stop);
  } catch (error) {
    stop(error);
  }
}
