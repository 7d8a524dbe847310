import { connect, createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

import { createPgliteDatabase } from '../connection/pglite';
import { PGLITE_EXTENSIONS } from '../connection/pglite-extensions';
import { createPostgresDatabase } from '../connection/postgres';
import type { Database } from '../database';
import { migrateDatabase } from '../migrate';

/** A database whose server can be taken away and brought back, as a restart does. */
export interface OutageDatabase {
  database: Database;
  /** From now on every statement fails as it does when PostgreSQL is down. */
  down(): Promise<void>;
  /** The server is back. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * PostgreSQL behind a TCP relay in this process: `down` drops every live connection and
 * refuses new ones (ECONNREFUSED), so the driver meets a real outage without the shared
 * server being restarted.
 */
export async function postgresOutage(url: string): Promise<OutageDatabase> {
  const target = new URL(url);
  const live = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  function relay(client: Socket) {
    const upstream = connect({ host: target.hostname, port: Number(target.port || 5432) });
    for (const socket of [client, upstream]) {
      live.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        live.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }
  const up = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = createServer(relay);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as { port: number }).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const socket of live) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await up();
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(port);
  const database = createPostgresDatabase(relayed.toString());
  await migrateDatabase(database);
  return {
    database,
    down,
    up,
    close: async () => {
      await database.close();
      await down();
    },
  };
}

/** What Node reports for a refused connection. */
function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
    syscall: 'connect',
  });
}

/** The PGlite calls Drizzle and the raw paths make; they fail while the "server" is down. */
const DRIVER_CALLS = new Set<PropertyKey>(['query', 'exec', 'transaction']);

/** Embedded PGlite cannot go down; here its calls fail as a refused connection would. */
export async function pgliteOutage(template: Blob): Promise<OutageDatabase> {
  const pg = await PGlite.create({ loadDataDir: template, extensions: PGLITE_EXTENSIONS });
  let isDown = false;
  const interruptible = new Proxy(pg, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (isDown && DRIVER_CALLS.has(property)) return () => Promise.reject(connectionRefused());
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
  const database = createPgliteDatabase(interruptible);
  return {
    database,
    down: async () => {
      isDown = true;
    },
    up: async () => {
      isDown = false;
    },
    close: () => database.close(),
  };
}
