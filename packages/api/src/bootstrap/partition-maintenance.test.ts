import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi } from '../testing';
import { startPartitionMaintenance } from './partition-maintenance';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

/** `events_YYYY_MM` of this month and the `count - 1` after it. */
function comingMonths(count: number) {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    return `events_${first.toISOString().slice(0, 7).replace('-', '_')}`;
  });
}

describe('startPartitionMaintenance', () => {
  it('stores this month and the next two before any write, so writers never create them', async () => {
    const stop = await startPartitionMaintenance(api.database, () => {});
    stop();
    const rows = await api.database.query<{ name: string }>(
      `select relname as name from pg_class where relname = any($1::text[]) order by 1`,
      [comingMonths(3)],
    );
    expect(rows.map((row) => row.name)).toEqual(comingMonths(3));
  });
});
