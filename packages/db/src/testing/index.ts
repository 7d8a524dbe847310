import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

import { createPgliteDatabase } from '../connection/pglite';
import { PGLITE_EXTENSIONS } from '../connection/pglite-extensions';
import { createPostgresDatabase } from '../connection/postgres';
import type { Database } from '../database';
import { migrateDatabase, migrationsFolder } from '../migrate';
import { pgliteOutage, postgresOutage, type OutageDatabase } from './outage';

export type { OutageDatabase };

function migrationsDigest(): string {
  const folder = migrationsFolder();
  const hash = createHash('sha256');
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

function templateCacheDir(): string {
  const dir = join(migrationsFolder(), '..', 'node_modules', '.cache', 'opsledger');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A migrated PGlite data directory, built once per migration set and cached on disk: a fresh
 * PGlite plus migrations costs 5-11 s, loading the dump 1-2 s.
 */
async function migratedTemplate(): Promise<Blob> {
  const file = join(templateCacheDir(), `pglite-template-${migrationsDigest()}.tar.gz`);
  if (!existsSync(file)) {
    const pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    await migrateDatabase(createPgliteDatabase(pg));
    const dump = await pg.dumpDataDir('gzip');
    await pg.close();
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A database for a test file: PostgreSQL when DATABASE_URL is set (migrated, shared by the
 * run), otherwise a private in-memory PGlite from the migrated template. Tests isolate from
 * each other by creating their own teams, which is also what the product guarantees.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = createPostgresDatabase(url);
    await migrateDatabase(database);
    return database;
  }
  const pg = await PGlite.create({
    loadDataDir: await migratedTemplate(),
    extensions: PGLITE_EXTENSIONS,
  });
  return createPgliteDatabase(pg);
}

/**
 * Like createTestDatabase, but its server can be taken down and brought back (`down`, `up`):
 * for tests of what callers see during a PostgreSQL restart and of the recovery after it.
 */
export async function createOutageDatabase(): Promise<OutageDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? postgresOutage(url) : pgliteOutage(await migratedTemplate());
}
