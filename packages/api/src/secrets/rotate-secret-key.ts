import { openDatabase, type Database } from '@opsledger/db';
import { formatSecretKeyList } from '@opsledger/domain';

import { bindSecretKeyring } from './credential-secrets';
import { addPrimaryKey, keyringFilePath } from './keyring-file';
import { resealSecrets, type ResealCounts } from './reseal-secrets';
import { generateSecretKey, specOf } from './sealed-secret';
import { createSecretKeyring } from './secret-keyring';
import { openServerKeyring, type SecretKeyConfig } from './server-keyring';

export type RotationOutcome =
  /** Keys from the environment: the value to set on every server before `--reseal`. */
  | { kind: 'env-value'; value: string }
  /** Every stored secret re-encrypted under the (new) primary key. */
  | { kind: 'resealed'; keyId: string; keySource: string; counts: ResealCounts };

/**
 * Rotates the key that encrypts stored shared secrets. With a keyring file: adds a new primary
 * key to it (the old ones stay readable) and re-encrypts every stored secret with it. With
 * `OPSLEDGER_SECRET_KEYS` the environment cannot be changed from here: it answers the new
 * value to set (a new key first, the current ones after) and changes nothing. `resealOnly`
 * re-encrypts under the current primary key without adding one (the second step with
 * environment keys, once every server runs with the new value).
 */
export async function rotateSecretKey(options: {
  config: SecretKeyConfig;
  /** Opened only when something is re-encrypted. */
  openDatabase: () => Promise<Database>;
  resealOnly: boolean;
}): Promise<RotationOutcome> {
  const { config, resealOnly } = options;
  if (config.secretKeys && !resealOnly) {
    const next = [specOf(generateSecretKey()), ...config.secretKeys];
    return { kind: 'env-value', value: formatSecretKeyList(next) };
  }
  // First the database: an embedded one still held by a running server refuses here, before
  // the keyring file changes.
  const database = await options.openDatabase();
  // On a data directory no server has started from yet, this creates the keyring file.
  const current = await openServerKeyring(config);
  const keyring = resealOnly
    ? current
    : createSecretKeyring({ keys: await addPrimaryKey(config.dataDir, generateSecretKey()) });
  bindSecretKeyring(database, keyring);
  const counts = await resealSecrets(database, 'all');
  const keySource = config.secretKeys ? 'OPSLEDGER_SECRET_KEYS' : keyringFilePath(config.dataDir);
  return { kind: 'resealed', keyId: keyring.primaryId(), keySource, counts };
}

/**
 * `pnpm rotate-secret-key`: the rotation on the server's own database and keys. The embedded
 * database allows one process, so with PGlite the server is stopped first (the open says so).
 */
export async function rotateServerSecretKey(options: {
  config: SecretKeyConfig & {
    databaseUrl?: string | undefined;
    migrationsDir?: string | undefined;
  };
  resealOnly: boolean;
}): Promise<RotationOutcome> {
  const { config } = options;
  const opened: { database?: Database } = {};
  try {
    return await rotateSecretKey({
      config,
      resealOnly: options.resealOnly,
      openDatabase: async () =>
        (opened.database = await openDatabase({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          migrationsDir: config.migrationsDir,
        })),
    });
  } finally {
    // Closing releases the embedded database's lock for the server's next start.
    await opened.database?.close();
  }
}
