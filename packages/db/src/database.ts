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
  /**
   * LISTEN on a channel: `onNotice` gets each payload; `onListening` runs whenever the listen is
   * (re)established, after which notices sent while it was down are lost (a listener re-reads
   * then). PostgreSQL: a dedicated connection of postgres.js, reconnected on loss; PGlite: its
   * own in-process listen. Resolves, once listening, with the function that stops it.
   */
  listen(
    channel: string,
    onNotice: (payload: string) => void,
    onListening?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
