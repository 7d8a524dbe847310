import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../schema';
import type { Database } from '../database';
import { quoteColumns, type RawDatabase, type RawTransaction } from './raw';

/** A COPY stream can hang forever when the server rejects data after the stream ended. */
const COPY_TIMEOUT_MS = 120_000;

const options = {
  max: 10,
  onnotice: () => {},
  // Generic plans turned summaries and searches 3-10x slower here (STACK-NOTES.md).
  connection: { plan_cache_mode: 'force_custom_plan', application_name: 'opsledger' },
} as const;

function rawTransaction(tx: postgres.TransactionSql): RawTransaction {
  return {
    query: (text, params = []) => tx.unsafe(text, params as postgres.ParameterOrJSON<never>[]) as never,
    async copyIn(table, columns, text) {
      const stream = await tx.unsafe(`COPY "${table}" (${quoteColumns(columns)}) FROM STDIN`).writable();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          stream.destroy(new Error(`COPY into ${table} timed out`));
        }, COPY_TIMEOUT_MS);
        stream.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        stream.once('finish', () => {
          clearTimeout(timer);
          resolve();
        });
        stream.end(text);
      });
    },
  };
}

/** PostgreSQL through postgres.js. Drizzle gets its own client: it changes date/JSON parsing. */
export function createPostgresDatabase(url: string): Database {
  const drizzleClient = postgres(url, options);
  const rawClient = postgres(url, options);
  const raw: RawDatabase = {
    query: (text, params = []) => rawClient.unsafe(text, params as never[]) as never,
    transaction: (work) => rawClient.begin((tx) => work(rawTransaction(tx))) as never,
  };
  return {
    kind: 'postgres',
    db: drizzle(drizzleClient, { schema }),
    raw,
    async close() {
      await Promise.all([drizzleClient.end({ timeout: 5 }), rawClient.end({ timeout: 5 })]);
    },
  };
}
