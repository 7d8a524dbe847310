import type { Logger } from 'pino';

import type { OpsLedgerClient } from '@opsledger/client';

export type WorkerEvent = 'WorkerStarted' | 'WorkerStopped' | 'WorkerFailed';

/** Failures recorded at most this often: a worker cut off from its API must not flood the log. */
const FAILURE_EVENT_GAP_MS = 60_000;

/**
 * The worker's comings, goings and failures, as `system` events of its team (module `Worker`,
 * the worker id as instanceId). An event that cannot be written is logged, never fatal.
 */
export function lifecycleEvents(client: OpsLedgerClient, workerId: string, log: Logger) {
  let lastFailure = 0;
  const record = async (name: WorkerEvent, errorMessage?: string) => {
    try {
      await client.events.record.mutate({
        type: 'system',
        module: 'Worker',
        name,
        instanceId: workerId.slice(0, 200),
        ...(errorMessage ? { errorMessage: errorMessage.slice(0, 9_000) } : {}),
      });
    } catch (error) {
      log.warn({ err: String(error), event: name }, 'could not record a worker event');
    }
  };
  return {
    record,
    failed(message: string) {
      if (Date.now() - lastFailure < FAILURE_EVENT_GAP_MS) return;
      lastFailure = Date.now();
      void record('WorkerFailed', message);
    },
  };
}
