import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { teams } from '../schema';
import { createOutageDatabase, type OutageDatabase } from '../testing';
import { isConnectionFailure } from './connection-failure';

/** What a statement came to, or 'stuck' when it has not settled after `ms`. */
async function outcomeWithin(ms: number, work: Promise<unknown>): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('stuck'), ms);
  });
  const settled = work.then(
    () => 'ok',
    (error: unknown) => (isConnectionFailure(error) ? 'unavailable' : `other: ${String(error)}`),
  );
  return Promise.race([settled, stuck]).finally(() => clearTimeout(timer));
}

let outage: OutageDatabase;
beforeAll(async () => {
  outage = await createOutageDatabase();
});
afterAll(() => outage.close());

const read = () => outage.database.query('select count(*) from teams');
const write = () => {
  const id = randomUUID();
  const values = {
    id,
    slug: `o-${id.slice(0, 8)}`,
    name: 'O',
    createdAt: new Date().toISOString(),
  };
  return outage.database.transaction(({ db }) => db.insert(teams).values(values));
};
/** More statements than the pool has connections, reads and writes. */
const statements = () => [...Array(24)].map((_, i) => (i % 2 ? read() : write()));

describe('a database that goes down and comes back', () => {
  it('fails every statement at once as unavailable while down, and serves again once up', async () => {
    expect(await Promise.all(statements().map((s) => outcomeWithin(15_000, s)))).toEqual(
      Array(24).fill('ok'),
    );
    await outage.down();
    // Twice: a pool that kept connections it could not open would hang the second round.
    for (let round = 0; round < 2; round++) {
      const outcomes = await Promise.all(statements().map((s) => outcomeWithin(15_000, s)));
      expect(outcomes).toEqual(Array(24).fill('unavailable'));
    }
    await outage.up();
    let outcomes: string[] = [];
    // The pool reconnects by itself; a statement that raced the reconnect may fail once more.
    for (let attempt = 0; attempt < 5; attempt++) {
      outcomes = await Promise.all(statements().map((s) => outcomeWithin(15_000, s)));
      if (outcomes.every((outcome) => outcome === 'ok')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(outcomes).toEqual(Array(24).fill('ok'));
  });

  it('tells a wrong statement from an unavailable database', async () => {
    const wrong = outage.database.query('select * from no_such_table');
    expect(await outcomeWithin(15_000, wrong)).toMatch(/^other: /);
    expect(isConnectionFailure(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
    expect(isConnectionFailure(new Error('x', { cause: { code: '57P01' } }))).toBe(true);
  });
});
