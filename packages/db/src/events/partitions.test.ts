import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { boundToTransaction } from '../bound-database';
import type { Database } from '../database';
import { createTestDatabase } from '../testing';
import {
  ensureEventPartitions,
  EventPartitionLimitError,
  maintainEventPartitions,
} from './partitions';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Which of these months have a partition, as the catalog says (not the process's cache). */
async function partitioned(months: readonly string[]) {
  const rows = await database.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'events'::regclass and c.relname = any($1::text[])`,
    [months.map((month) => `events_${month.replace('-', '_')}`)],
  );
  return rows.map((row) => row.name.slice('events_'.length).replace('_', '-')).sort();
}

/** `count` consecutive months from a random far year, so no other test has stored them. */
function farMonths(count: number) {
  const year = randomInt(3000, 9000);
  return Array.from({ length: count }, (_, i) => {
    const month = `${year + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return { month, instant: `${month}-15T12:00:00.000Z` };
  });
}

describe('event partitions', () => {
  it('are kept by maintenance for the current month and the next two', async () => {
    await maintainEventPartitions(database, new Date('2401-11-20T08:00:00Z'));
    expect(await partitioned(['2401-10', '2401-11', '2401-12', '2402-01', '2402-02'])).toEqual([
      '2401-11',
      '2401-12',
      '2402-01',
    ]);
  });

  it('are not created beyond the limit: a batch of too many new months creates none', async () => {
    const months = farMonths(1000);
    const refused = ensureEventPartitions(
      database,
      months.map((m) => m.instant),
      { maxNew: 12 },
    );
    await expect(refused).rejects.toThrow(EventPartitionLimitError);
    expect(await partitioned(months.map((m) => m.month))).toEqual([]);
  });

  it('are created for the months a batch needs within the limit', async () => {
    const months = farMonths(3);
    await ensureEventPartitions(
      database,
      months.map((m) => m.instant),
      { maxNew: 3 },
    );
    expect(await partitioned(months.map((m) => m.month))).toEqual(months.map((m) => m.month));
  });

  it('created in a transaction that rolled back are created again by the next writer', async () => {
    const [{ month, instant }] = farMonths(1) as [{ month: string; instant: string }];
    const rolledBack = database.transaction(async (scope) => {
      await ensureEventPartitions(boundToTransaction(database, scope), [instant]);
      expect(await scope.raw.query(`select 1 from "events_${month.replace('-', '_')}"`)).toEqual(
        [],
      );
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    expect(await partitioned([month])).toEqual([]);
    await ensureEventPartitions(database, [instant]);
    expect(await partitioned([month])).toEqual([month]);
  });
});
