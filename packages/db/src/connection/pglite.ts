import { type PGlite, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';

import type { Database, Db } from '../database';
import * as schema from '../schema';
import { driverClientOf, quoteColumns, type RawTransaction } from './raw';

function rawTransaction(tx: Transaction): RawTransaction {
  return {
    query: async (text, params = []) => (await tx.query(text, params)).rows as never,
    async copyIn(table, columns, text) {
      await tx.query(`COPY "${table}" (${quoteColumns(columns)}) FROM '/dev/blob'`, [], {
        // One blob, written before PGlite reads it: chunks cannot overlap here.
        blob: new Blob(typeof text === 'string' ? [text] : [...text]),
      });
    },
  };
}

/** Embedded PostgreSQL in this process. Not durable against power loss (fsync is off). */
export function createPgliteDatabase(pg: PGlite, onClose?: () => Promise<void>): Database {
  // Both drivers expose the same query builder; the services only use that common surface.
  const db = drizzle(pg, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    query: async (text, params = []) => (await pg.query(text, params)).rows as never,
    script: async (text) => (await pg.exec(text)).at(-1)?.rows ?? [],
    transaction: (work) =>
      db.transaction((tx) => work({ db: tx, raw: rawTransaction(driverClientOf(tx)) })),
    async listen(channel, onNotice, onListening) {
      // One in-process connection: a notice is never lost, so it listens once and for good.
      const unlisten = await pg.listen(channel, onNotice);
      onListening?.();
      return () => unlisten();
    },
    async close() {
      await pg.close();
      await onClose?.();
    },
  };
}
