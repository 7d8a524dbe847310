import { pino } from 'pino';

import { createOpsLedgerClient } from '@opsledger/client';

import { workerConfig } from './env';
import { JOB_HANDLERS } from './handlers';
import { runJobLoop } from './jobs/job-loop';
import { lifecycleEvents } from './lifecycle-events';
import { runUpkeep } from './upkeep/upkeep-loop';

/**
 * The worker: claims its team's jobs from the API and runs them until SIGTERM/SIGINT, then
 * lets the current job finish its step (or hands it back) and records its stop. Logs are pino
 * JSON lines on stdout.
 */
const log = pino({ base: { service: 'opsledger-worker' } });
try {
  const config = await workerConfig();
  log.level = config.logLevel;
  const client = createOpsLedgerClient({ url: config.url, key: config.key });
  const events = lifecycleEvents(client, config.workerId, log.child({}));
  const stop = new AbortController();
  const onSignal = (signal: string) => {
    log.info({ signal }, 'stopping: the current job finishes its step or goes back to the queue');
    stop.abort();
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));

  const kinds = Object.keys(JOB_HANDLERS);
  log.info({ url: config.url, workerId: config.workerId, kinds }, 'worker started');
  await events.record('WorkerStarted');
  const onFailure = (message: string) => events.failed(message);
  await Promise.all([
    runJobLoop({
      client,
      handlers: JOB_HANDLERS,
      workerId: config.workerId,
      log,
      stop: stop.signal,
      onFailure,
    }),
    runUpkeep({ client, stateDir: config.stateDir, log, stop: stop.signal, onFailure }),
  ]);
  await events.record('WorkerStopped');
  log.info('worker stopped');
  process.exit(0);
} catch (error) {
  log.fatal({ err: error instanceof Error ? error.message : String(error) }, 'worker cannot run');
  process.exit(1);
}
