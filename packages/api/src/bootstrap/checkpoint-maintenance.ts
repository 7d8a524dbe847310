import type { Database } from '@opsledger/db';

import { logger } from '../logging/logger';
import { writeDueCheckpoints, type CheckpointPolicy } from '../services/chain/checkpoints';
import { openSigningKey } from '../services/chain/signing-key';
import { registerSigningKey } from '../services/chain/signing-keys-table';

/** How often due teams are looked for: "every N events" is kept to within this. */
const TICK_MS = 15_000;

export interface CheckpointConfig {
  dataDir: string;
  /** `OPSLEDGER_SIGNING_KEY`; without it, `signing-key.json` in dataDir (created 0600). */
  signingKey?: string | undefined;
  checkpoints: CheckpointPolicy;
}

/**
 * Opens the signing key, publishes it (retiring the one before, which stays listed), and signs
 * due chain heads now and on every tick. The timer does not keep the process alive; the returned
 * function stops it and signs what is due one last time.
 */
export async function startCheckpoints(
  database: Database,
  config: CheckpointConfig,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const key = await openSigningKey(config);
  await registerSigningKey(database, key);
  log(`signing chain checkpoints with ${key.id}`);
  const tick = () =>
    writeDueCheckpoints(database, key, config.checkpoints).catch((error: unknown) => {
      logger().warn({ err: error }, 'could not write chain checkpoints');
      return [];
    });
  await tick();
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await tick();
  };
}
