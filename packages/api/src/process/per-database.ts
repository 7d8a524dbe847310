import { rootDatabaseOf, type Database } from '@opsledger/db';

type Registry = Map<string, WeakMap<Database, unknown>>;

/*
 * On globalThis: Next.js loads server modules once per route bundle (and again on dev reloads),
 * while the open database, and the start-up that configures it, is one per process. State kept in
 * a module-level map would be a different map in every route.
 */
const shared = globalThis as typeof globalThis & { __opsledgerPerDatabase?: Registry };
const registry = (shared.__opsledgerPerDatabase ??= new Map());

/**
 * State that belongs to one open database for the life of the process (its configured limits,
 * counters, keyring): the database is the one object every way in already hands to the
 * services, so no entry point can forget it. `initial` makes the state on first use. A database
 * bound to one of its transactions shares the state of the database itself.
 */
export function perDatabase<T>(name: string, initial: (database: Database) => T) {
  let states = registry.get(name) as WeakMap<Database, T> | undefined;
  if (!states) {
    states = new WeakMap<Database, T>();
    registry.set(name, states);
  }
  const byDatabase = states;
  return {
    of(database: Database): T {
      const root = rootDatabaseOf(database);
      if (!byDatabase.has(root)) byDatabase.set(root, initial(root));
      return byDatabase.get(root) as T;
    },
    set(database: Database, state: T): void {
      byDatabase.set(rootDatabaseOf(database), state);
    },
  };
}
