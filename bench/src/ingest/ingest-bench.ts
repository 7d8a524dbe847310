import { serveApi } from '@opsledger/api/testing';
import { createOpsLedgerClient } from '@opsledger/client';
import { ensureEventPartitions, type Database } from '@opsledger/db';
import { MAX_BATCH, type AuditLogInput } from '@opsledger/domain';
import { randomUUID } from 'node:crypto';
import { auditEvent, auditLogInputs } from '../fixtures/audit-log-inputs';
import { seededRandom } from '../fixtures/random';
import { formatCount, type BenchResult } from '../measure/report';
import { median, timed } from '../measure/stats';
import { createBenchTeam } from '../setup/bench-team';
import { copyEvents, genesis, hashedCopyText } from './copy-baseline';

const MEASURED_ROUNDS = 3;
const HOUR_MS = 3_600_000;

type Client = ReturnType<typeof createOpsLedgerClient>;

async function recordThroughApi(client: Client, inputs: readonly AuditLogInput[]) {
  for (let start = 0; start < inputs.length; start += MAX_BATCH) {
    const items = inputs.slice(start, start + MAX_BATCH);
    const result = await client.auditLogs.recordBatch.mutate({ items });
    if (result.inserted !== items.length) {
      throw new Error(`recordBatch stored ${result.inserted} of ${items.length} rows`);
    }
  }
}

/**
 * (a) Audit events through the API over HTTP, in batches of 1,000, against one raw COPY of the
 * same rows (hashed beforehand) into the same table, another team. Each round writes new rows
 * through both, one after the other, so index growth and machine noise touch both alike; the
 * first round only warms up. Rows are spread over the last day, whose month partitions exist
 * before either clock starts.
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
      // Keyed, as the typed client keys every write it sends (its retries must not duplicate).
      const inputs = auditLogInputs(random, {
        count: rowsPerRound,
        firstAt: Date.now() - 24 * HOUR_MS,
        spacingMs: (24 * HOUR_MS) / rowsPerRound,
      }).map((input) => ({ ...input, idempotencyKey: randomUUID() }));
      await ensureEventPartitions(
        database,
        inputs.map((input) => input.occurredAt),
      );
      const copyText = hashedCopyText(copyTeam.id, copyHead, inputs.map(auditEvent));

      const api = await timed(() => recordThroughApi(client, inputs));
      const copy = await timed(() => copyEvents(database, copyText));
      if (round === 0) continue;
      apiRates.push((rowsPerRound * 1000) / api.ms);
      copyRates.push((rowsPerRound * 1000) / copy.ms);
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
  return {
    name: '(a) ingest audit logs',
    figures:
      `API over HTTP (auditLogs.recordBatch, ${MAX_BATCH}/batch) ${formatCount(apiRate)} rows/s` +
      ` vs raw COPY ${formatCount(copyRate)} rows/s` +
      ` (${formatCount(rowsPerRound)} rows a round, median of ${MEASURED_ROUNDS} after a warm-up)`,
    ratio: apiRate / copyRate,
    ratioOf: 'API / COPY',
    target: { comparison: '>=', value: 0.5 },
  };
}
