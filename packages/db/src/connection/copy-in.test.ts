import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../database';
import { createTestDatabase } from '../testing';
import { copyTextRow } from './raw';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const TEAM_COLUMNS = ['id', 'slug', 'name', 'created_at'];

/** A team row; year 0 is a time PostgreSQL refuses, and it only sees it once the data arrives. */
const teamRow = (createdAt: string) => {
  const id = randomUUID();
  return { id, text: copyTextRow([id, `copy-${id.slice(0, 8)}`, 'Copy', createdAt]) };
};

const copyTeam = (createdAt: string) =>
  database.transaction(({ raw }) => raw.copyIn('teams', TEAM_COLUMNS, teamRow(createdAt).text));

/** The SQLSTATE of a database error: class 22 is "data exception". */
const sqlStateOf = (error: unknown) => (error as { code?: unknown }).code;

describe('a COPY the server refuses', () => {
  it("fails with the server's error, not a timeout", async () => {
    const error: unknown = await copyTeam('0000-01-01T00:00:00Z').catch(
      (caught: unknown) => caught,
    );
    expect(String(sqlStateOf(error))).toMatch(/^22/);
  });

  it('releases its connection: more failures than the pool holds, then the database answers', async () => {
    const failures = await Promise.allSettled(
      Array.from({ length: 12 }, () => copyTeam('0000-01-01T00:00:00Z')),
    );
    expect(failures.map((failure) => failure.status)).toEqual(Array(12).fill('rejected'));

    const { id, text } = teamRow('2026-01-01T00:00:00Z');
    await database.transaction(({ raw }) => raw.copyIn('teams', TEAM_COLUMNS, text));
    const rows = await database.query<{ name: string }>(`select name from teams where id = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ name: 'Copy' }]);
  });
});

describe.runIf(process.env.DATABASE_URL)('a PostgreSQL connection', () => {
  it('ends any statement that runs longer than the statement timeout', async () => {
    const [setting] = await database.query<{ statement_timeout: string }>('show statement_timeout');
    expect(setting?.statement_timeout).toBe('30s');
  });
});
