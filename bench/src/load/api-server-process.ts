/**
 * The API server in a process of its own, as the load benchmarks need it: the load generator
 * and the bench run elsewhere, so this process's memory is the server's alone. Serves every
 * endpoint through `serveApi` (the handler `next start` runs, without the pages) on the
 * PostgreSQL database its settings name, or on a fresh embedded PGlite under their data
 * directory (ApiServerSettings). With a seed it first gives that many teams that many audit
 * events each and hands out a service key per team. Prints one JSON line (`{"url", "keys"}`)
 * once it answers, and stops on SIGTERM.
 */
import { configureLogging } from '@opsledger/api';
import { serveApi } from '@opsledger/api/testing';
import { openDatabase } from '@opsledger/db';

import { loadAuditEvents } from '../list/load-audit-events';
import { createBenchTeam } from '../setup/bench-team';
import { ApiServerSettings } from './api-server';
import { scriptSettings } from './child-processes';

configureLogging({ level: 'warn' });

const DAY_MS = 24 * 3_600_000;

const { databaseUrl, dataDir, seed } = ApiServerSettings.parse(scriptSettings());
const database = await openDatabase({ databaseUrl, dataDir });

const keys: string[] = [];
for (let i = 0; i < (seed?.teams ?? 0); i++) {
  const team = await createBenchTeam(database, `load-${i}`);
  await loadAuditEvents(database, team.id, { count: seed?.events ?? 0, spanMs: 30 * DAY_MS });
  keys.push(await team.keySecret('service'));
}
if (seed) await database.query('analyze events');
// The seeding's garbage is not the server's memory: collected before the load measures it.
globalThis.gc?.();

const server = await serveApi(database);
console.log(JSON.stringify({ url: server.url, keys }));

process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
