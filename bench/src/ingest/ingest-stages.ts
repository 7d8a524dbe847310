import { createCaller } from '@opsledger/api';
import { appendEvents, ensureEventPartitions, type Database } from '@opsledger/db';
import { AuditLogBatch } from '@opsledger/domain';

import { auditEvent } from '../fixtures/audit-log-inputs';
import type { SeededRandom } from '../fixtures/random';
import { formatCount } from '../measure/report';
import { timed } from '../measure/stats';
import { createBenchTeam } from '../setup/bench-team';
import { copyEvents, genesis, hashedCopyText } from './copy-baseline';
import { apiBatches, ingestRows } from './ingest-rows';

/**
 * Where an API write's time goes: each stage of the ingest path timed alone over the same
 * number of rows, in microseconds per row. The stages nest (an append includes its hashing,
 * the in-process call includes parsing and the append), so the differences name the costs. The
 * HTTP layer's share is the server's CPU per row over HTTP (measured by the caller) less this
 * process's CPU per row for the same call in-process.
 */
export async function ingestStages(
  database: Database,
  random: SeededRandom,
  rowCount: number,
  httpServerCpuPerRow: number,
): Promise<string> {
  const perRow = (ms: number) => ((ms * 1000) / rowCount).toFixed(0);
  const stage = async (work: () => Promise<unknown>) => perRow((await timed(work)).ms);
  // Every stage that writes gets rows of its own: a repeated idempotency key would be skipped.
  const freshBatches = () => apiBatches(ingestRows(random, rowCount));

  const rows = ingestRows(random, rowCount);
  await ensureEventPartitions(
    database,
    rows.map((row) => row.occurredAt),
  );
  const bodies = apiBatches(rows).map((items) => JSON.stringify({ items }));
  const json = await stage(async () => bodies.map((body): unknown => JSON.parse(body)));
  const zod = await stage(async () => bodies.map((body) => AuditLogBatch.parse(JSON.parse(body))));
  const hashTeam = await createBenchTeam(database, 'stage-hash');
  const chain = await stage(async () =>
    hashedCopyText(hashTeam.id, genesis(), rows.map(auditEvent)),
  );

  const copyTeam = await createBenchTeam(database, 'stage-copy');
  const copyHead = genesis();
  const copyTexts = freshBatches().map((batch) =>
    hashedCopyText(copyTeam.id, copyHead, batch.map(auditEvent)),
  );
  const copy = await stage(async () => {
    for (const text of copyTexts) await copyEvents(database, text);
  });

  const append = async (keyed: boolean) => {
    const team = await createBenchTeam(database, keyed ? 'stage-keyed' : 'stage-append');
    const batches = freshBatches().map((batch) =>
      batch.map((row) => auditEvent(keyed ? row : { ...row, idempotencyKey: undefined })),
    );
    return stage(async () => {
      for (const batch of batches) await appendEvents(database, team.id, batch);
    });
  };
  const unkeyed = await append(false);
  const keyed = await append(true);

  const callerTeam = await createBenchTeam(database, 'stage-caller');
  const caller = await createCaller(database, await callerTeam.keySecret('service'));
  const callerBatches = freshBatches();
  const cpuAtStart = process.cpuUsage();
  const inProcess = await stage(async () => {
    for (const items of callerBatches) await caller.auditLogs.recordBatch({ items });
  });
  const cpu = process.cpuUsage(cpuAtStart);
  const inProcessCpu = (cpu.user + cpu.system) / rowCount;

  return (
    `where an API row's time goes (us/row over ${formatCount(rowCount)} rows, 1,000/batch):` +
    ` JSON.parse ${json} | JSON.parse+zod AuditLogBatch ${zod}` +
    ` | envelope+chain hash+COPY text ${chain} | raw COPY, one transaction per batch ${copy}` +
    ` | appendEvents ${unkeyed}, with idempotency keys ${keyed}` +
    ` | recordBatch in-process ${inProcess} (CPU ${inProcessCpu.toFixed(0)})` +
    ` | HTTP layer (server CPU over HTTP less in-process CPU) ${(httpServerCpuPerRow - inProcessCpu).toFixed(0)}`
  );
}
