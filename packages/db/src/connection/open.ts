import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

import type { Database } from '../database';
import { migrateDatabase } from '../migrate';
import { lockDataDir } from './data-dir-lock';
import { createPgliteDatabase } from './pglite';
import { PGLITE_EXTENSIONS } from './pglite-extensions';
import { createPostgresDatabase } from './postgres';

export interface DatabaseConfig {
  /** PostgreSQL URL; when absent the embedded database under dataDir is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** The committed migrations; unset: found from the working directory upwards. */
  migrationsDir?: string | undefined;
}

const opened = globalThis as typeof globalThis & { __opsledgerDatabase?: Promise<Database> };

async function open(config: DatabaseConfig): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    database = createPostgresDatabase(config.databaseUrl);
  } else {
    const dataDir = resolve(config.dataDir, 'pglite');
    const release = lockDataDir(resolve(config.dataDir));
    const pg = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
    database = createPgliteDatabase(pg, async () => release());
  }
  await migrateDatabase(database, config.migrationsDir);
  return database;
}

/**
 * The process's database, opened and migrated once. Kept on globalThis because Next.js loads
 * server modules several times (route bundles, instrumentation, dev reloads), and the
 * embedded database must be opened only once per process.
 */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  opened.__opsledgerDatabase ??= open(config).catch((error: unknown) => {
    opened.__opsledgerDatabase = undefined;
    throw error;
  });
  return opened.__opsledgerDatabase;
}
