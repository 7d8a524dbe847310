import { connect, type Socket } from 'node:net';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

import type { Database } from '../database';
import * as schema from '../schema';
import { copyIntoPostgres, STATEMENT_TIMEOUT_MS } from './postgres-copy';
import { driverClientOf, type RawTransaction } from './raw';

function rawTransaction(tx: postgres.Sql): RawTransaction {
  return {
    query: (text, params = []) => tx.unsafe(text, params as never[]) as never,
    copyIn: (table, columns, text) => copyIntoPostgres(tx, table, columns, text),
  };
}

/** A server that accepts no connection (restarting, unreachable) fails requests this fast. */
const CONNECT_TIMEOUT_S = 10;

/**
 * Seconds before a closed connection reconnects after `retries` failures in a row. postgres.js
 * grows this to 20 s, so a pool that failed often while PostgreSQL restarted waited that long
 * after it was back; here it stays under a second.
 */
const reconnectDelay = (retries: number) =>
  (0.5 + Math.random() / 2) * Math.min(2 ** retries / 20, 1);

/**
 * postgres.js writes a COPY's data and its CopyDone as two small packets; with Nagle's
 * algorithm on, the second waits for the server's delayed ACK (~40 ms on loopback), so every
 * COPY cost ~90 ms whatever its size. Its sockets therefore get TCP_NODELAY.
 *
 * The socket is handed over while still connecting: postgres.js then sees a refused or lost
 * connection through the socket's own error and close events and returns the connection to
 * its pool. A factory that rejects instead leaves the connection "connecting" for good, and
 * after `max` refusals (a PostgreSQL restart) every later query waited forever.
 */
function openSocket(options: { host: string[]; port: number[]; path?: string | false }): Socket {
  return options.path
    ? connect(options.path)
    : connect({
        host: options.host[0] ?? 'localhost',
        port: options.port[0] ?? 5432,
        noDelay: true,
      });
}

/**
 * PostgreSQL through postgres.js. Drizzle and raw SQL share the client so that one transaction
 * can use both; Drizzle makes the client return timestamps as text and take JSON as text,
 * which is what the raw paths here send and expect (never a Date or an object).
 */
export function createPostgresDatabase(url: string): Database {
  const options = {
    max: 10,
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: reconnectDelay,
    onnotice: () => {},
    // postgres.js takes a socket factory but does not declare it in its types.
    socket: openSocket,
    // Generic plans turned summaries and searches 3-10x slower here (docs/performance.md).
    connection: {
      plan_cache_mode: 'force_custom_plan',
      application_name: 'opsledger',
      statement_timeout: STATEMENT_TIMEOUT_MS,
    },
  };
  const client = postgres(url, options);
  const db = drizzle(client, { schema });
  return {
    kind: 'postgres',
    db,
    query: (text, params = []) => client.unsafe(text, params as never[]) as never,
    async script(text) {
      // A script may hold its own BEGIN/COMMIT, which postgres.js allows only on a connection
      // of its own. Several statements answer an array of row lists; one statement a row list.
      const reserved = await client.reserve();
      const result = (await reserved
        .unsafe(text)
        .simple()
        .finally(() => reserved.release())) as unknown as unknown[];
      const last = Array.isArray(result.at(-1)) ? result.at(-1) : result;
      return last as Record<string, unknown>[];
    },
    transaction: (work) =>
      db.transaction((tx) => work({ db: tx, raw: rawTransaction(driverClientOf(tx)) })),
    async listen(channel, onNotice, onListening) {
      const listening = await client.listen(channel, onNotice, onListening);
      return () => listening.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}
