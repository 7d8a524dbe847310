import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../database';
import { teams } from '../schema';
import { createTestDatabase } from '../testing';
import { createPostgresDatabase } from './postgres';

const url = process.env.DATABASE_URL;
/**
 * A statement that has not settled by then is stuck. Shorter than the pool's connect timeout
 * (10 s), which would otherwise hide a poisoned connection by timing it out and reconnecting.
 */
const STUCK_MS = 5_000;

/** Resolves to what `work` gives, or to 'stuck' when it has not settled after `ms`. */
function within<T>(ms: number, work: Promise<T>): Promise<T | 'stuck'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<'stuck'>((resolve) => {
    timer = setTimeout(() => resolve('stuck'), ms);
  });
  return Promise.race([work, stuck]).finally(() => clearTimeout(timer));
}

/*
 * What a PostgreSQL restart does to a pool, without restarting the shared server: its backends
 * are terminated (57P01) while reads and writes are in flight. postgres.js 3.4.9 left such a
 * connection with a stale write timer, so it never sent anything again (porsager/postgres
 * #1154, #1199); the patch in patches/ fixes it.
 */
describe.skipIf(!url)('a PostgreSQL pool whose backends are terminated', () => {
  // A name of its own, so only this pool's backends are terminated, not other test files'.
  const applicationName = `opsledger-recovery-${randomUUID().slice(0, 8)}`;
  let database: Database;
  let admin: postgres.Sql;
  beforeAll(async () => {
    await (await createTestDatabase()).close(); // migrated
    const separator = url?.includes('?') ? '&' : '?';
    database = createPostgresDatabase(`${url}${separator}application_name=${applicationName}`);
    admin = postgres(url ?? '', { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await database.close();
    await admin.end();
  });

  const terminatePool = () => admin`
    select pg_terminate_backend(pid) from pg_stat_activity
    where application_name = ${applicationName} and datname = current_database()`;

  const read = () => database.query<{ n: number }>('select count(*)::int as n from teams');
  const write = () => {
    const id = randomUUID();
    const values = {
      id,
      slug: `r-${id.slice(0, 8)}`,
      name: 'R',
      createdAt: new Date().toISOString(),
    };
    return database.transaction(({ db }) => db.insert(teams).values(values));
  };
  /** Many small statements at once, the way a batched tRPC request runs them. */
  const batch = () => Promise.allSettled([...Array(30)].map((_, i) => (i % 3 ? read() : write())));

  it('answers reads and writes again within seconds', async () => {
    await batch();
    let terminated = 0;
    for (let round = 0; round < 5; round++) {
      const running = batch();
      await new Promise((resolve) => setImmediate(resolve));
      terminated += (await terminatePool()).length;
      expect(await within(STUCK_MS, running)).not.toBe('stuck');
    }
    expect(terminated).toBeGreaterThan(0);
    // Each call is bounded: a poisoned connection never answers and would hold it forever.
    const outcomes = await Promise.all(
      [...Array(40)].map((_, i) =>
        within(
          STUCK_MS,
          (i % 4 ? read() : write()).then(() => 'ok' as const),
        ).catch((error: unknown) => (error as { code?: string }).code ?? String(error)),
      ),
    );
    // A statement that met a dying backend may fail once; after that every one must pass.
    const retried = await Promise.all(
      outcomes.map((outcome, i) =>
        outcome === 'ok'
          ? Promise.resolve(outcome)
          : within(
              STUCK_MS,
              (i % 4 ? read() : write()).then(() => 'ok'),
            ),
      ),
    );
    expect(retried.filter((outcome) => outcome !== 'ok')).toEqual([]);
  });
});
