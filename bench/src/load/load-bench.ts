import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { formatCount, formatMs, type BenchResult } from '../measure/report';
import { startApiServer } from './api-server';
import type { LoadPlan } from './load-plan';
import { residentAtEndOf } from './resident-at-end';
import { runLoad } from './run-load';

const DURATION_S = 60;
const CONNECTIONS = 32;
/**
 * Requests of the warm-up at whose end the memory is first taken: counted, not timed, so that a
 * slow (shared) machine warms the server as far as a fast one does. Far enough that V8's heap has
 * grown to its working size under this mix, or the run's growth to it reads as a leak. Sampled on
 * PostgreSQL (2 shared cores, ~45 requests/s, no forced GC): after 320 requests RSS 290 MiB with
 * 148 MiB of V8 heap, after a further 60 s (~2,800 requests) 321 MiB with 196 MiB of heap, then
 * 330 and 332 MiB (206, 209 MiB of heap) after two more minutes; the live heap after a forced GC
 * stayed at 43-51 MiB throughout, and heap snapshots after the first and third minute held the
 * same objects. So the 1.43x once seen after 320 requests was the heap's first growth, not a
 * leak; PGlite's RSS is flat from the start (its WebAssembly memory is sized by the seeding).
 */
const WARM_UP_REQUESTS = 100 * CONNECTIONS;
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
 * taken at the end of a warm-up of 3,200 requests of the same mix and at the end of the run
 * (each the median of its last 10 s, residentAtEndOf).
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
    const readResident = () => server.residentBytes();
    const warmUp = await residentAtEndOf(readResident, () =>
      runLoad(plan({ amount: WARM_UP_REQUESTS })),
    );
    const run = await residentAtEndOf(readResident, () => runLoad(plan({ durationS: DURATION_S })));
    const [before, after, load] = [warmUp.residentBytes, run.residentBytes, run.result];
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
          ` (${formatCount(load.rowsWritten / load.durationS)} rows/s); answers by status: ${statuses};` +
          ` RSS: median of the last 10 s of a ${formatCount(WARM_UP_REQUESTS)}-request warm-up,` +
          ` then of the run`,
      ],
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
