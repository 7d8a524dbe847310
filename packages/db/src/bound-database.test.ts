import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { boundToTransaction, isBoundToTransaction, rootDatabaseOf } from './bound-database';
import type { Database } from './database';
import { eq } from './index';
import { teams } from './schema';
import { createTestDatabase } from './testing';
import { insertTestTeam } from './testing/test-team';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const teamNamed = async (id: string) =>
  (await database.db.select({ name: teams.name }).from(teams).where(eq(teams.id, id)))[0]?.name;

const rename = (bound: Database, id: string, name: string) =>
  bound.db.update(teams).set({ name }).where(eq(teams.id, id));

describe('a database bound to a transaction', () => {
  it('runs Drizzle, raw SQL and nested transactions in it: all of it rolls back together', async () => {
    const id = await insertTestTeam(database);
    const failed = database.transaction(async (scope) => {
      const bound = boundToTransaction(database, scope);
      expect(rootDatabaseOf(bound)).toBe(database);
      expect(isBoundToTransaction(bound)).toBe(true);
      await rename(bound, id, 'drizzle');
      await bound.query(`update teams set name = name || '+raw' where id = $1`, [id]);
      await bound.transaction(({ raw }) =>
        raw.query(`update teams set name = name || '+nested' where id = $1`, [id]),
      );
      // Seen inside: every write went to this one transaction.
      const [row] = await bound.query<{ name: string }>(`select name from teams where id = $1`, [
        id,
      ]);
      expect(row?.name).toBe('drizzle+raw+nested');
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    expect(await teamNamed(id)).toBe('T');
  });

  it('undoes only a nested transaction that failed (a savepoint), and commits the rest', async () => {
    const id = await insertTestTeam(database);
    await database.transaction(async (scope) => {
      const bound = boundToTransaction(database, scope);
      await rename(bound, id, 'kept');
      const nested = bound.transaction(async ({ db }) => {
        await db.update(teams).set({ name: 'undone' }).where(eq(teams.id, id));
        throw new Error('nested failure');
      });
      await expect(nested).rejects.toThrow('nested failure');
    });
    expect(await teamNamed(id)).toBe('kept');
  });
});
