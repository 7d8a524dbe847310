import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptyEnvelopeFields } from '@opsledger/domain';

import type { Database } from '../database';
import { createTestDatabase } from '../testing';
import { insertTestTeam } from '../testing/test-team';
import { appendEvents, type PendingEvent } from './append';
import { mergePendingSearchEntries } from './pending-search-entries';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function auditEventsIn(month: string, count: number) {
  const teamId = await insertTestTeam(database, `${month}-01`);
  const events = Array.from({ length: count }, (_, i): PendingEvent => ({
    ...emptyEnvelopeFields,
    id: randomUUID(),
    stream: 'audit',
    occurredAt: `${month}-15T12:00:00.000Z`,
    action: 'login',
    content: `someone signed in from office ${i} (request ${randomUUID()})`,
  }));
  await appendEvents(database, teamId, events);
}

/** Merges the month's GIN pending lists directly: the pages that were still pending. */
async function stillPending(month: string) {
  const [row] = await database.query<{ pages: string | number | null }>(
    `select sum(gin_clean_pending_list(ix.indexrelid::regclass)) as pages
       from pg_index ix join pg_class c on c.oid = ix.indexrelid
       join pg_am am on am.oid = c.relam
      where ix.indrelid = $1::regclass and am.amname = 'gin'`,
    [`events_${month.replace('-', '_')}`],
  );
  return Number(row?.pages ?? 0);
}

describe('mergePendingSearchEntries', () => {
  it("merges past months' search index entries and leaves the current month's to its writers", async () => {
    // Far years of their own, so no other test writes to these months meanwhile.
    const year = randomInt(1100, 1900);
    const past = `${year}-03`;
    const current = `${year}-04`;
    await auditEventsIn(past, 300);
    await auditEventsIn(current, 300);

    const merged = await mergePendingSearchEntries(database, new Date(`${current}-20T00:00:00Z`));

    expect(merged).toBeGreaterThan(0);
    expect(await stillPending(past)).toBe(0);
    expect(await stillPending(current)).toBeGreaterThan(0);
  });
});
