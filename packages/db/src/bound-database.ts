import type { Database, TransactionScope } from './database';

/** Each database bound to a transaction, and the database it was opened from. */
const roots = new WeakMap<Database, Database>();

/**
 * The database seen from inside one of its transactions: every query made through it (Drizzle,
 * raw SQL, a nested `transaction`, which becomes a savepoint) runs in that transaction, so work
 * spread over several services commits or rolls back as one. PGlite has a single connection: a
 * query sent around its open transaction would wait for that transaction forever, so nothing a
 * bound database is given to may reach the database another way.
 */
export function boundToTransaction(database: Database, scope: TransactionScope): Database {
  const root = rootDatabaseOf(database);
  const bound: Database = {
    kind: root.kind,
    db: scope.db,
    query: scope.raw.query,
    script: () =>
      Promise.reject(new Error('a multi-statement script cannot run inside a transaction')),
    transaction: (work) => scope.db.transaction((tx) => work({ db: tx, raw: scope.raw })),
    listen: (channel, onNotice, onListening) => root.listen(channel, onNotice, onListening),
    close: () => Promise.reject(new Error('a database bound to a transaction is not closed')),
  };
  roots.set(bound, root);
  return bound;
}

/**
 * The open database itself, for state kept per database (caches, configured limits): the same
 * for a database and for any of its transactions.
 */
export const rootDatabaseOf = (database: Database): Database => roots.get(database) ?? database;

export const isBoundToTransaction = (database: Database): boolean => roots.has(database);
