import type { Database } from '@opsledger/db';
import type { Team } from '@opsledger/domain';

import { authenticateApiKey, keyCaller } from '../auth/authenticate';
import { createApiKey } from '../services/api-keys/api-keys';

/** Where a process keeps the key its bundled worker authenticates with (credentials.json). */
export interface WorkerKeyStore {
  workerKey(): Promise<string | null>;
  saveWorkerKey(key: string): Promise<void>;
}

/**
 * A `service` key of the team for the worker `pnpm start` runs beside the portal: kept when it
 * still works, else issued anew (a fresh data directory, a revoked key). A service key writes
 * records but manages nothing, so a worker's key cannot mint keys or change the team.
 */
export async function ensureWorkerKey(
  database: Database,
  team: Team,
  store: WorkerKeyStore,
): Promise<string> {
  const kept = await store.workerKey();
  const caller = kept ? await authenticateApiKey(database, kept) : null;
  if (kept && caller?.team.id === team.id && caller.role === 'service') return kept;
  const issued = await createApiKey({
    ctx: { database, caller: keyCaller(team, 'start-up', 'owner') },
    input: { role: 'service', name: 'worker (issued at start-up)' },
  });
  await store.saveWorkerKey(issued.secret);
  return issued.secret;
}
