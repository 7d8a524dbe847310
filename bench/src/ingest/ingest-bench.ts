import { serveApi } from '@opsledger/api/testing';
import { createOpsLedgerClient } from '@opsledger/client';
import { ensureEventPartitions, type Database } from '@opsledger/db';
import { MAX_BATCH, type AuditLogInput } from '@opsledger/domain';

import { auditEvent } from '../fixtures/audit-log-inputs';
import { seededRandom } from '../fixtures/random';
import { formatCount, type BenchResult } from '../measure/report';
import { median, timed } from '../measure/stats';
import { createBenchTeam } from '../setup/bench-team';
import { copyEvents, genesis, hashedCopyText } from './copy-baseline';
import { apiBatches, ingestRows } from './ingest-rows';
import { ingestStages } from './ingest-stages';

const MEASURED_ROUNDS = 3;
/** The warm-up round only has to warm the JIT, the connections and the caches. */
const WARM_UP_SHARE = 0.1;

type Client = ReturnType<typeof createOpsLedgerClient>;

/**
 * Batches in flight at once, as a throughput-minded ingest client sends them: while the
 * database writes one batch, the API parses and validates the next.
 */
const IN_FLIGHT = 3;

async function recordThroughApi(client: Client, batches: readonly AuditLogInput[][]) {
  let next = 0;
  const sender = async () => {
    while (next < batches.length) {
      const items = batches[next++] ?? [];
      const result = await client.auditLogs.recordBatch.mutate({ items });
      if (result.inserted !== items.length) {
        throw new Error(`recordBatch stored ${result.inserted} of ${items.length} rows`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
}

/**
 * (a) Audit events through the API over HTTP, in batches of 1,000, against one raw COPY of the
 * same rows (hashed beforehand) into the same table, another team. Each round writes new rows
 * through both, one after the other, so index growth and machine noise touch both alike; the
 * first round only warms up. The rows' month partitions exist before either clock starts.
 */
export async function benchIngest(database: Database, rowsPerRound: number): Promise<BenchResult> {
  const apiTeam = await createBenchTeam(database, 'ingest-api');
  const copyTeam = await createBenchTeam(database, 'ingest-copy');
  const copyHead = genesis();
  const server = await serveApi(database);
  const client = createOpsLedgerClient({
    url: server.url,
    key: await apiTeam.keySecret('service'),
  });
  const random = seededRandom(1);
  const apiRates: number[] = [];
  const copyRates: number[] = [];
  try {
    for (let round = 0; round <= MEASURED_ROUNDS; round++) {
      const rowCount = round === 0 ? rowsPerRound * WARM_UP_SHARE : rowsPerRound;
      const rows = ingestRows(random, rowCount);
      await ensureEventPartitions(
        database,
        rows.map((row) => row.occurredAt),
      );
      const copyText = hashedCopyText(copyTeam.id, copyHead, rows.map(auditEvent));

      const api = await timed(() => recordThroughApi(client, apiBatches(rows)));
      const copy = await timed(() => copyEvents(database, copyText));
      if (round === 0) continue;
      apiRates.push((rowCount * 1000) / api.ms);
      copyRates.push((rowCount * 1000) / copy.ms);
      process.stderr.write(
        `  (a) round ${round}: API ${formatCount(apiRates.at(-1) ?? 0)} rows/s, ` +
          `COPY ${formatCount(copyRates.at(-1) ?? 0)} rows/s\n`,
      );
    }
  } finally {
    await server.close();
  }
  const apiRate = median(apiRates);
  const copyRate = median(copyRates);
  const stages = await ingestStages(database, random, rowsPerRound / 5);
  return {
    name: '(a) ingest audit logs',
    figures:
      `API over HTTP (auditLogs.recordBatch, ${MAX_BATCH}/batch, ${IN_FLIGHT} in flight) ${formatCount(apiRate)} rows/s` +
      ` vs raw COPY ${formatCount(copyRate)} rows/s` +
      ` (${formatCount(rowsPerRound)} rows a round, median of ${MEASURED_ROUNDS} after a warm-up)`,
    ratio: apiRate / copyRate,
    ratioOf: 'API / COPY',
    target: { comparison: '>=', value: 0.5 },
    faults: [],
    details: [
      `per row: API over HTTP ${Math.round(1e6 / apiRate)} us, raw COPY ${Math.round(1e6 / copyRate)} us`,
      stages,
    ],
  };
}
