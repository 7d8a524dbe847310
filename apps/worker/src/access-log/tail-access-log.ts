import { setTimeout as sleep } from 'node:timers/promises';

import {
  addCounts,
  noCounts,
  readAccessLog,
  type AccessLogCounts,
  type AccessLogSource,
} from './read-access-log';

export interface TailOptions extends AccessLogSource {
  /** How long to wait between passes once the log has been read to its end. */
  pollMs?: number;
  /** Stops tailing after the pass under way (or at once, while waiting). */
  signal?: AbortSignal;
  /** Called after each pass that read something. */
  onPass?: (counts: AccessLogCounts) => void;
}

/**
 * Follows an access log until `signal` aborts: a pass (readAccessLog), then a pause, again.
 * The offsets live in the state file, so a restart goes on where the last pass got to. An
 * ingest that fails (the API unreachable) ends the tail with its error, the offset at the
 * last batch the API took: the caller's job retries, and a resent batch counts once.
 */
export async function tailAccessLog(options: TailOptions): Promise<AccessLogCounts> {
  const total = noCounts();
  const { signal, pollMs = 1000 } = options;
  while (!signal?.aborted) {
    const counts = await readAccessLog(options);
    addCounts(total, counts);
    if (counts.lines > 0) options.onPass?.(counts);
    try {
      await sleep(pollMs, undefined, { signal });
    } catch (error) {
      if (signal?.aborted) break;
      throw error;
    }
  }
  return total;
}
