import { PGlite, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '../schema';
import type { Database, Db } from '../database';
import { quoteColumns, type RawTransaction } from './raw';

function rawTransaction(tx: PGlite | Transaction): RawTransaction {
  return {
    query: async (text, params = []) => (await tx.query(text, params)).rows as never,
    async copyIn(table, columns, text) {
      await tx.query(`COPY "${table}" (${quoteColumns(columns)}) FROM '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    },
  };
}

/** Embedded PostgreSQL in this process. Not durable against power loss (fsync is off). */
export function createPgliteDatabase(pg: PGlite, onClose?: () => Promise<void>): Database {
  return {
    kind: 'pglite',
    // Both drivers expose the same query builder; the services only use that common surface.
    db: drizzle(pg, { schema }) as unknown as Db,
    raw: {
      query: async (text, params = []) => (await pg.query(text, params)).rows as never,
      transaction: (work) => pg.transaction((tx) => work(rawTransaction(tx))),
    },
    async close() {
      await pg.close();
      await onClose?.();
    },
  };
}
