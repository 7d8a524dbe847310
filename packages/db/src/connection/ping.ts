import type { Database } from '../database';

/** Resolves once the database has answered a trivial statement; rejects with its failure. */
export async function pingDatabase(database: Database): Promise<void> {
  await database.query('select 1');
}
