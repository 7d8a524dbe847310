import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

import type { OpsLedgerClient } from '@opsledger/client';

import { readConfiguredAccessLogs } from '../access-log/read-configured-logs';

export interface UpkeepOptions {
  client: OpsLedgerClient;
  /** Where each access log's offsets are kept across restarts. */
  stateDir: string;
  log: Logger;
  stop: AbortSignal;
  /** Pause between passes over the access logs once they are read to their end. */
  accessLogEveryMs?: number;
  /** How often retention is applied (it is idempotent and locked, so any worker may). */
  retentionEveryMs?: number;
  onFailure?: (message: string) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The worker's standing duties beside its jobs: follow the team's configured access logs
 * (every hit keyed by file identity and offset, so several workers reading one log, or a
 * re-read after a crash, still count each hit once) and apply retention at start and then
 * every few hours. A failure is logged and tried again on the next pass, never fatal.
 */
export async function runUpkeep(options: UpkeepOptions): Promise<void> {
  const { client, log, stop } = options;
  const accessLogEveryMs = options.accessLogEveryMs ?? 5_000;
  const retentionEveryMs = options.retentionEveryMs ?? 6 * 3_600_000;
  let nextRetention = 0;
  // A log this worker cannot read (it is on another machine) is said once, not every pass.
  const reported = new Map<string, string>();
  while (!stop.aborted) {
    try {
      const { list: logs } = await client.traffic.accessLogs.query();
      const passes = await readConfiguredAccessLogs({
        logs,
        stateDir: options.stateDir,
        ingest: (batch) => client.traffic.ingest.mutate(batch),
        signal: stop,
      });
      for (const pass of passes) {
        const key = `${pass.appDid}\n${pass.path}`;
        if (pass.ok) {
          reported.delete(key);
          if (pass.counts.lines > 0) log.info({ accessLog: pass }, 'access log read');
        } else if (reported.get(key) !== pass.error) {
          reported.set(key, pass.error);
          log.warn({ accessLog: pass }, 'access log could not be read');
        }
      }
    } catch (error) {
      log.warn({ err: messageOf(error) }, 'access logs could not be followed');
    }
    if (Date.now() >= nextRetention) {
      nextRetention = Date.now() + retentionEveryMs;
      try {
        const result = await client.retention.run.mutate();
        log.info({ retention: result }, 'retention applied');
      } catch (error) {
        log.warn({ err: messageOf(error) }, 'retention could not run');
        options.onFailure?.(`retention: ${messageOf(error)}`);
      }
    }
    await sleep(accessLogEveryMs, undefined, { signal: stop }).catch(() => undefined);
  }
}
