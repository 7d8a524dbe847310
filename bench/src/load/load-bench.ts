import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { formatCount, formatMs, type BenchResult } from '../measure/report';
import { startApiServer } from './api-server';
import type { LoadPlan } from './load-plan';
import { runLoad } from './run-load';

const DURATION_S = 60;
const CONNECTIONS = 32;
/**
 * Requests before the memory is first read: counted, not timed, so that a slow (shared) machine
 * warms the server (JIT, pools, caches) as far as a fast one does.
 */
const WARM_UP_REQUESTS = 10 * CONNECTIONS;
/** Teams the connections speak for, so writers are not all queued on one chain lock. */
const TEAMS = 8;
const EVENTS_PER_TEAM = 10_000;
/**
 * A live service flushes what it buffered in about a second: tens to a hundred audit rows, not
 * the 1,000 of a bulk import (which (a) measures).
 */
const BATCH_ROWS = 100;
const MiB = 1024 * 1024;

/**
 * (m) A bounded loopback load: 32 connections for 60 s, each cycling four list pages (newest 50,
 * and newest 50 of a category) and one 100-row batch write, through real HTTP against the API
 * server in a process of its own, from autocannon in another. The server's resident memory is
 * read after a warm-up of 320 requests of the same mix and again after the run.
 */
export async function benchUnderLoad(databaseUrl: string | undefined): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'opsledger-bench-load-'));
  const server = await startApiServer({
    databaseUrl,
    dataDir,
    seed: { teams: TEAMS, events: EVENTS_PER_TEAM },
  });
  try {
    const plan = (end: { durationS: number } | { amount: number }): LoadPlan => ({
      url: server.url,
      connections: CONNECTIONS,
      ...end,
      keys: server.keys,
      reads: [{ limit: 50 }, { limit: 50, category: 'security' }],
      mix: { reads: 4, writes: 1 },
      batchRows: BATCH_ROWS,
    });
    await runLoad(plan({ amount: WARM_UP_REQUESTS }));
    const before = server.residentBytes() ?? Number.NaN;
    const load = await runLoad(plan({ durationS: DURATION_S }));
    const after = server.residentBytes() ?? Number.NaN;
    const failed = load.errors + load.non2xx;
    const statuses = Object.entries(load.statuses)
      .map(([code, count]) => `${code}: ${formatCount(count)}`)
      .join(', ');
    return {
      name: '(m) under load',
      figures:
        `${formatCount(load.requestsPerS)} requests/s over HTTP for ${DURATION_S} s` +
        ` (${CONNECTIONS} connections, 80% list pages, 20% ${BATCH_ROWS}-row batch writes, ${TEAMS} teams),` +
        ` p50 ${formatMs(load.p50Ms)}, p99 ${formatMs(load.p99Ms)}, ${formatCount(failed)} errors;` +
        ` server RSS ${formatCount(before / MiB)} MiB before, ${formatCount(after / MiB)} MiB after`,
      ratio: after / before,
      ratioOf: 'RSS after / before',
      target: { comparison: '<=', value: 1.2 },
      faults:
        failed === 0
          ? []
          : [
              `${formatCount(failed)} failed requests (${load.errors} connection errors,` +
                ` ${load.timeouts} timeouts; ${statuses})`,
            ],
      details: [
        `${formatCount(load.requests)} requests, ${formatCount(load.rowsWritten)} rows written` +
          ` (${formatCount(load.rowsWritten / load.durationS)} rows/s); answers by status: ${statuses}`,
      ],
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
