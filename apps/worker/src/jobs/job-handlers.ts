import type { Logger } from 'pino';

import type { OpsLedgerClient } from '@opsledger/client';
import type { ClaimedJob } from '@opsledger/domain';

/** What a handler gets besides the job. */
export interface JobContext {
  client: OpsLedgerClient;
  /** Aborted on SIGTERM or when the lease is lost: stop at the next safe point. */
  signal: AbortSignal;
  log: Logger;
}

/** Performs one job; its result becomes the job's output, a throw fails the attempt. */
export type JobHandler = (job: ClaimedJob, context: JobContext) => Promise<Record<string, unknown>>;

/**
 * The job kinds this worker performs, kind -> handler. The loop claims only these kinds, so a
 * new kind (access-log tailing, retention) plugs in by adding an entry here.
 */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Thrown by a handler that stopped early (SIGTERM): the job goes back to the queue. */
export class HandedBackError extends Error {
  constructor() {
    super('the worker stopped before the job finished; handed back to the queue');
    this.name = 'HandedBackError';
  }
}
