import { appendEvents, mergePendingSearchEntries, type Database } from '@opsledger/db';

import { auditEvent, auditLogInputs } from '../fixtures/audit-log-inputs';
import { seededRandom } from '../fixtures/random';
import { formatCount } from '../measure/report';

/** Big appends: one chain-head lock and one COPY per batch, as fast as a valid chain loads. */
const LOAD_BATCH = 10_000;

/**
 * Gives a team `count` audit events spread evenly over the `spanMs` before now, through the
 * event store's own append (hash chain and all), oldest first as they would have arrived; then
 * merges past months' search index entries, as a running server's hourly maintenance does.
 */
export async function loadAuditEvents(
  database: Database,
  teamId: string,
  { count, spanMs }: { count: number; spanMs: number },
): Promise<void> {
  const random = seededRandom(2);
  const firstAt = Date.now() - spanMs;
  const spacingMs = spanMs / count;
  for (let loaded = 0; loaded < count; loaded += LOAD_BATCH) {
    const inputs = auditLogInputs(random, {
      count: Math.min(LOAD_BATCH, count - loaded),
      firstAt: firstAt + loaded * spacingMs,
      spacingMs,
    });
    await appendEvents(database, teamId, inputs.map(auditEvent));
    if ((loaded / LOAD_BATCH) % 10 === 9) {
      process.stderr.write(`  (b) loaded ${formatCount(loaded + inputs.length)} events\n`);
    }
  }
  await mergePendingSearchEntries(database, new Date());
}
