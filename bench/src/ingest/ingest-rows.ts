import { randomUUID } from 'node:crypto';

import { MAX_BATCH } from '@opsledger/domain';

import { auditLogInputs, type DatedAuditLogInput } from '../fixtures/audit-log-inputs';
import type { SeededRandom } from '../fixtures/random';

const DAY_MS = 24 * 3_600_000;

/**
 * Audit log inputs spread over the last day, each with its own idempotency key: the typed
 * client keys every write it sends (so its retries cannot duplicate), and so would a writer.
 */
export function ingestRows(random: SeededRandom, count: number): DatedAuditLogInput[] {
  return auditLogInputs(random, {
    count,
    firstAt: Date.now() - DAY_MS,
    spacingMs: DAY_MS / count,
  }).map((input) => ({ ...input, idempotencyKey: randomUUID() }));
}

/** The batches a writer sends: MAX_BATCH (1,000) rows each. */
export function apiBatches<T>(rows: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += MAX_BATCH) {
    batches.push(rows.slice(start, start + MAX_BATCH));
  }
  return batches;
}
