import { builtinModules } from 'node:module';

/*
 * Who may import whom, checked on every lint run (README.md, "Layers, enforced by lint"):
 *   domain  <- db  <- api  <- web / cli / client
 * Only packages/db talks to a driver or to Drizzle; only packages/api (and the bench and chaos
 * tools, which measure and verify the database itself) imports packages/db; packages/domain
 * runs in the browser too, so it imports nothing node-only and no other workspace package.
 */

const DRIVERS = ['drizzle-orm', 'drizzle-kit', 'postgres', '@electric-sql/pglite'];
const driverMessage =
  'Only packages/db talks to the database: call a query function of @opsledger/db.';

const DB = ['@opsledger/db'];
const dbMessage = 'Only packages/api (and the bench and chaos tools) import @opsledger/db.';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const nodeMessage = 'packages/domain runs in the browser too: no node-only modules here.';
const workspaceMessage = 'packages/domain is the bottom layer: it imports no workspace package.';

const forbid = (names, message) => ({
  paths: names.map((name) => ({ name, message })),
  patterns: [{ group: names.map((name) => `${name}/*`), message }],
});

/** One no-restricted-imports rule from the layers a package may not reach. */
function restrictImports(...forbidden) {
  return {
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidden.flatMap((f) => f.paths),
          patterns: forbidden.flatMap((f) => f.patterns),
        },
      ],
    },
  };
}

const noDrivers = forbid(DRIVERS, driverMessage);
const noDb = forbid(DB, dbMessage);

/** packages/db: drivers allowed; it sits under every other package but domain. */
export const dbLayer = restrictImports(
  forbid(['@opsledger/api', '@opsledger/client'], 'packages/db depends on packages/domain only.'),
);

/** packages/api, and the bench and chaos tools that measure and verify the database directly. */
export const dbUserLayer = restrictImports(noDrivers);

/** Apps, the client and other tooling: they reach the database only through packages/api. */
export const appLayer = restrictImports(noDrivers, noDb);

/** packages/domain: zod schemas shared with the browser. */
export const domainLayer = restrictImports(noDrivers, noDb, {
  paths: NODE_BUILTINS.map((name) => ({ name, message: nodeMessage })),
  patterns: [
    { group: ['node:*'], message: nodeMessage },
    { group: ['@opsledger/*'], message: workspaceMessage },
  ],
});
