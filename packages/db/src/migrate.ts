import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';

import type { Database } from './database';

const JOURNAL = join('meta', '_journal.json');

/**
 * Where the committed migrations are. Bundlers move this module, so the folder is found from
 * the working directory upwards (or given: the app's OPSLEDGER_MIGRATIONS_DIR), not from
 * import.meta.url.
 */
export function migrationsFolder(configured?: string): string {
  if (configured) return configured;
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'packages', 'db', 'drizzle'), join(dir, 'drizzle')]) {
      if (existsSync(join(candidate, JOURNAL))) return candidate;
    }
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    'Cannot find the migrations (packages/db/drizzle); set OPSLEDGER_MIGRATIONS_DIR.',
  );
}

/** Applies pending migrations; on PostgreSQL under a lock, as several processes may start. */
export async function migrateDatabase(database: Database, migrationsDir?: string): Promise<void> {
  const config = { migrationsFolder: migrationsFolder(migrationsDir) };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  // A session lock on a connection of its own, held while the migrator runs on the others.
  await database.query(`select pg_advisory_lock(hashtext('opsledger:migrate'))`);
  try {
    await migratePostgres(database.db, config);
  } finally {
    await database.query(`select pg_advisory_unlock(hashtext('opsledger:migrate'))`);
  }
}
