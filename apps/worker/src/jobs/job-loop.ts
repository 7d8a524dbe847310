import type { Logger } from 'pino';

import type { OpsLedgerClient } from '@opsledger/client';
import type { ClaimedJob } from '@opsledger/domain';

import type { JobHandlers } from './job-handlers';

export interface JobLoopOptions {
  client: OpsLedgerClient;
  handlers: JobHandlers;
  workerId: string;
  log: Logger;
  /** Aborted to stop: no new claims; the current job finishes its step or is handed back. */
  stop: AbortSignal;
  /** How long one claim waits for a job (long poll). */
  claimWaitMs?: number;
  /** Called with every failure the loop itself meets (claims, reports). */
  onFailure?: (message: string) => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs one claimed job with heartbeats; settles it complete or failed. */
async function runJob(options: JobLoopOptions, job: ClaimedJob) {
  const { client, log } = options;
  const handler = options.handlers[job.kind];
  const lease = { id: job.id, leaseToken: job.leaseToken };
  const abort = new AbortController();
  const onStop = () => abort.abort();
  options.stop.addEventListener('abort', onStop);
  let leaseLost = false;
  // Three heartbeats per lease: one lost to a slow request does not cost the job.
  const beat = setInterval(
    () => {
      client.jobs.heartbeat.mutate(lease).catch((error: unknown) => {
        if (/lease .* is lost/.test(messageOf(error))) {
          leaseLost = true;
          abort.abort();
        }
        log.warn({ job: job.id, err: messageOf(error) }, 'heartbeat failed');
      });
    },
    (job.leaseSeconds * 1000) / 3,
  );
  const jobLog = log.child({ job: job.id, kind: job.kind, attempt: job.attempt });
  jobLog.info('job started');
  try {
    if (!handler) throw new Error(`this worker has no handler for jobs of kind ${job.kind}`);
    const output = await handler(job, { client, signal: abort.signal, log: jobLog });
    clearInterval(beat);
    await client.jobs.complete.mutate({ ...lease, output });
    jobLog.info('job completed');
  } catch (error) {
    clearInterval(beat);
    if (leaseLost) {
      jobLog.warn('lease lost: another worker has the job now; this attempt is dropped');
      return;
    }
    jobLog.warn({ err: messageOf(error) }, 'job attempt failed');
    await client.jobs.fail
      .mutate({ ...lease, error: messageOf(error).slice(0, 9_000) })
      .catch((failure: unknown) =>
        jobLog.error({ err: messageOf(failure) }, 'could not report the failure'),
      );
    options.onFailure?.(`job ${job.id} (${job.kind}) failed: ${messageOf(error)}`);
  } finally {
    options.stop.removeEventListener('abort', onStop);
  }
}

/**
 * Claims and runs jobs one at a time until `stop` is aborted. A failed claim (API down) is
 * retried with a growing pause; the loop itself never ends on an error.
 */
export async function runJobLoop(options: JobLoopOptions): Promise<void> {
  const kinds = Object.keys(options.handlers);
  let pauseMs = 1_000;
  while (!options.stop.aborted) {
    let job: ClaimedJob | null;
    try {
      job = await options.client.jobs.claim.mutate(
        { workerId: options.workerId, kinds, waitMs: options.claimWaitMs ?? 20_000 },
        { signal: options.stop },
      );
      pauseMs = 1_000;
    } catch (error) {
      if (options.stop.aborted) break;
      options.log.warn({ err: messageOf(error) }, 'claim failed; trying again');
      options.onFailure?.(`claim failed: ${messageOf(error)}`);
      await sleep(pauseMs, options.stop);
      pauseMs = Math.min(pauseMs * 2, 30_000);
      continue;
    }
    if (job) await runJob(options, job);
  }
}
