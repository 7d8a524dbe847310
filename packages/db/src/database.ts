import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';

import type { RawQuery, RawTransaction } from './connection/raw';
import type * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgres';

/** One transaction seen two ways: Drizzle's builder and raw SQL/COPY, on one connection. */
export interface TransactionScope {
  db: DbTransaction;
  raw: RawTransaction;
}

/** One open database: Drizzle for the services' queries, raw SQL for bulk paths. */
export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Plain SQL outside a transaction. */
  query: RawQuery;
  /**
   * Parameterless SQL that may hold several statements (a library's own migrations), sent with
   * the simple query protocol; gives the rows of the last statement.
   */
  script(text: string): Promise<Record<string, unknown>[]>;
  transaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
