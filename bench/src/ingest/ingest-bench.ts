import { serveApi } from '@opsledger/api/testing';
import { ensureEventPartitions, type Database } from '@opsledger/db';
import { MAX_BATCH } from '@opsledger/domain';

import { auditEvent } from '../fixtures/audit-log-inputs';
import { seededRandom } from '../fixtures/random';
import { formatCount, type BenchResult } from '../measure/report';
import { median, timed } from '../measure/stats';
import { createBenchTeam } from '../setup/bench-team';
import { copyEvents, genesis, hashedCopyText } from './copy-baseline';
import { apiBatches, ingestRows } from './ingest-rows';
import { ingestStages } from './ingest-stages';
import { sendFromLoadGenerator } from './load-run';

const MEASURED_ROUNDS = 3;
/** The warm-up round only has to warm the JIT, the connections and the caches. */
const WARM_UP_SHARE = 0.1;

/**
 * Batches in flight at once, as a throughput-minded ingest job sends them: while the database
 * writes one batch, the API parses and validates the next.
 */
const IN_FLIGHT = 3;

/**
 * (a) Audit events through the API over HTTP, in batches of 1,000 sent pre-serialised by a load
 * generator in another process, against one raw COPY of the same rows (hashed beforehand) into
 * the same table, another team. The server's CPU per row is measured beside: on PostgreSQL it
 * is the API's own work (the database runs elsewhere), and what the HTTP layer adds to an
 * in-process call is the difference to the breakdown's. Each round writes new rows
 * through both, one after the other, so index growth and machine noise touch both alike; the
 * first round only warms up. The rows' month partitions exist before either clock starts.
 */
export async function benchIngest(database: Database, rowsPerRound: number): Promise<BenchResult> {
  const apiTeam = await createBenchTeam(database, 'ingest-api');
  const copyTeam = await createBenchTeam(database, 'ingest-copy');
  const copyHead = genesis();
  const server = await serveApi(database);
  const order = {
    url: `${server.url}/api/trpc/auditLogs.recordBatch`,
    authorization: `Bearer ${await apiTeam.keySecret('service')}`,
    rowsPerBody: MAX_BATCH,
    inFlight: IN_FLIGHT,
  };
  const random = seededRandom(1);
  const apiRates: number[] = [];
  const copyRates: number[] = [];
  const serverCpuPerRow: number[] = [];
  const faults: string[] = [];
  try {
    for (let round = 0; round <= MEASURED_ROUNDS; round++) {
      const rowCount = round === 0 ? rowsPerRound * WARM_UP_SHARE : rowsPerRound;
      const rows = ingestRows(random, rowCount);
      await ensureEventPartitions(
        database,
        rows.map((row) => row.occurredAt),
      );
      const copyText = hashedCopyText(copyTeam.id, copyHead, rows.map(auditEvent));

      const bodies = apiBatches(rows).map((items) => JSON.stringify({ items }));

      const api = await sendFromLoadGenerator(order, bodies);
      const copy = await timed(() => copyEvents(database, copyText));
      faults.push(...api.failures);
      if (round === 0) continue;
      apiRates.push((rowCount * 1000) / api.ms);
      copyRates.push((rowCount * 1000) / copy.ms);
      serverCpuPerRow.push((api.serverCpuMs * 1000) / rowCount);
      process.stderr.write(
        `  (a) round ${round}: API ${formatCount(apiRates.at(-1) ?? 0)} rows/s, ` +
          `COPY ${formatCount(copyRates.at(-1) ?? 0)} rows/s, ` +
          `server CPU ${(serverCpuPerRow.at(-1) ?? 0).toFixed(1)} us/row\n`,
      );
    }
  } finally {
    await server.close();
  }
  const apiRate = median(apiRates);
  const copyRate = median(copyRates);
  const cpuPerRow = median(serverCpuPerRow);
  const stages = await ingestStages(database, random, rowsPerRound / 5, cpuPerRow);
  return {
    name: '(a) ingest audit logs',
    figures:
      `API over HTTP (auditLogs.recordBatch from a load generator, ${MAX_BATCH}/batch, ${IN_FLIGHT} in flight) ${formatCount(apiRate)} rows/s` +
      ` vs raw COPY ${formatCount(copyRate)} rows/s` +
      ` (${formatCount(rowsPerRound)} rows a round, median of ${MEASURED_ROUNDS} after a warm-up)`,
    ratio: apiRate / copyRate,
    ratioOf: 'API / COPY',
    target: { comparison: '>=', value: 0.5 },
    faults: faults.slice(0, 3),
    details: [
      `per row: API over HTTP ${Math.round(1e6 / apiRate)} us, raw COPY ${Math.round(1e6 / copyRate)} us;` +
        ` server CPU over HTTP ${cpuPerRow.toFixed(1)} us/row`,
      stages,
    ],
  };
}
