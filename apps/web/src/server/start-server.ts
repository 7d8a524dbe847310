import { logger } from '@opsledger/api';
import { credentialsPath } from '@opsledger/client/credentials';

import { serverConfig } from '../env';
import { log, startLogging } from './logging';
import { opsLedger } from './opsledger';

/**
 * Starts OpsLedger with the server and says when it is ready. A server that cannot open or
 * migrate its database (or finds the embedded one in use by another process) is of no use:
 * it exits with the reason rather than answer 503 forever.
 */
function stop(error: unknown): never {
  // The message alone: a reason to read, such as a variable that is wrong, not a stack.
  logger().fatal(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** A stop that hangs (a database that went away) must not keep the process from exiting. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * On SIGTERM/SIGINT OpsLedger writes the waiting request log, records ServiceStopped and
 * closes the database (for PGlite, its files). Next.js handles the same signals by closing its
 * HTTP server and then calling process.exit, which would cut that short: the exit is held until
 * the stop is done (or has timed out).
 */
function stopOnSignals(): void {
  const onSignal = () => {
    const stopped = opsLedger()
      .stop()
      .catch((error: unknown) => logger().error({ err: error }, 'stop failed'));
    const timeout = new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void Promise.race([stopped, timeout]).finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

export async function startServer(): Promise<void> {
  try {
    stopOnSignals();
    const config = serverConfig();
    await startLogging(config);
    opsLedger().ready.then((report) => {
      if (!report.demoData) log(`credentials: ${credentialsPath(config.dataDir)}`);
      log(`ready on ${config.publicUrl} (health: ${config.publicUrl}/api/health)`);
    }, stop);
  } catch (error) {
    stop(error);
  }
}
