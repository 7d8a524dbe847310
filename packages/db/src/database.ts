import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type * as schema from './schema';
import type { RawDatabase } from './connection/raw';

export type Db = PostgresJsDatabase<typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

/** One open database: Drizzle for the services' queries, raw SQL for bulk paths. */
export interface Database {
  kind: DatabaseKind;
  db: Db;
  raw: RawDatabase;
  close(): Promise<void>;
}
