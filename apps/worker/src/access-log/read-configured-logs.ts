import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type { AccessLog } from '@opsledger/domain';

import { readAccessLog, type AccessLogCounts, type IngestBatch } from './read-access-log';

/** One configured log's pass: what it read, or why it could not. */
export type ConfiguredLogPass = { appDid: string; path: string } & (
  { ok: true; counts: AccessLogCounts } | { ok: false; error: string }
);

/**
 * The state file of an app's log: named after the app and the path, so pointing an app at
 * another log starts that one from its beginning (its hits' keys still make a re-read harmless).
 */
export const stateFileOf = (stateDir: string, log: Pick<AccessLog, 'appDid' | 'path'>) =>
  join(
    stateDir,
    `${createHash('sha256').update(`${log.appDid}\n${log.path}`).digest('hex').slice(0, 32)}.json`,
  );

/**
 * One pass over every access log the team configured (`traffic.accessLogs`), for the worker's
 * job: a log that cannot be read (missing permission, an API refusal) is reported and the
 * others still go. Stops between logs once `signal` aborts.
 */
export async function readConfiguredAccessLogs({
  logs,
  stateDir,
  ingest,
  signal,
}: {
  logs: readonly Pick<AccessLog, 'appDid' | 'path'>[];
  stateDir: string;
  ingest: IngestBatch;
  signal?: AbortSignal;
}): Promise<ConfiguredLogPass[]> {
  const passes: ConfiguredLogPass[] = [];
  for (const log of logs) {
    if (signal?.aborted) break;
    try {
      const counts = await readAccessLog({
        path: log.path,
        appDid: log.appDid,
        stateFile: stateFileOf(stateDir, log),
        ingest,
      });
      passes.push({ appDid: log.appDid, path: log.path, ok: true, counts });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      passes.push({ appDid: log.appDid, path: log.path, ok: false, error: reason });
    }
  }
  return passes;
}
