import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openDatabase, type Database } from '@opsledger/db';
import { createTestDatabase } from '@opsledger/db/testing';

import { env } from '../env';

/** The database every run starts from empty, so runs compare with each other. */
const BENCH_DATABASE = env.benchDatabase;

export interface BenchDatabase {
  database: Database;
  /** The bench database's URL on PostgreSQL (another process can open it); none on PGlite. */
  url?: string;
  /** What the figures were measured on, for the report. */
  description: string;
  dispose(): Promise<void>;
}

/**
 * On PostgreSQL: drops and re-creates `opsledger_bench` on the server DATABASE_URL names and
 * migrates it (the given database is only used to issue those two statements). On PGlite: a
 * file-backed data directory in a fresh temporary folder, as `pnpm start` would use.
 */
export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (!databaseUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'opsledger-bench-'));
    const database = await openDatabase({ dataDir });
    return {
      database,
      description: `PGlite (file-backed, ${dataDir})`,
      async dispose() {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  // createTestDatabase reads DATABASE_URL: the given database, used only to create ours.
  const admin = await createTestDatabase();
  const dropBench = () => admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
  await dropBench();
  await admin.query(`create database ${BENCH_DATABASE}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: tmpdir() });
  const [version] = await database.query<{ server_version: string }>('show server_version');
  return {
    database,
    url: url.toString(),
    description: `PostgreSQL ${version?.server_version ?? ''} (${url.host}/${BENCH_DATABASE})`,
    async dispose() {
      await database.close();
      await dropBench();
      await admin.close();
    },
  };
}
