import type { Database } from '@opsledger/db';
import type { SecretKeySpec } from '@opsledger/domain';

import { bindSecretKeyring } from './credential-secrets';
import {
  keyringFilePath,
  loadKeyringFile,
  readKeyringFile,
  SecretKeyringFileError,
} from './keyring-file';
import { resealSecrets } from './reseal-secrets';
import { secretKeyOf } from './sealed-secret';
import { createSecretKeyring, type SecretKeyring } from './secret-keyring';

/** Where the server's secret keys come from. */
export interface SecretKeyConfig {
  dataDir: string;
  /** `OPSLEDGER_SECRET_KEYS`, primary first; without it, `secret-keys.json` in dataDir. */
  secretKeys?: readonly SecretKeySpec[] | undefined;
}

/**
 * The server's keyring: the configured keys, or else the data directory's keyring file,
 * created on the first start. A file-backed keyring reads the file again when a ciphertext names
 * a key it does not hold, so a running server follows a rotation made beside it.
 */
export async function openServerKeyring(config: SecretKeyConfig): Promise<SecretKeyring> {
  if (config.secretKeys) return createSecretKeyring({ keys: config.secretKeys.map(secretKeyOf) });
  const path = keyringFilePath(config.dataDir);
  return createSecretKeyring({
    keys: await loadKeyringFile(config.dataDir),
    reload: async () => {
      const keys = await readKeyringFile(path);
      if (!keys) throw new SecretKeyringFileError(path, 'was removed while the server runs');
      return keys;
    },
  });
}

/** Makes `keyring` the database's, and encrypts shared secrets that are still stored in clear. */
export async function attachSecretKeyring(
  database: Database,
  keyring: SecretKeyring,
  log: (line: string) => void,
): Promise<void> {
  bindSecretKeyring(database, keyring);
  const counts = await resealSecrets(database, 'clear');
  const sealed = counts['access-key'].resealed + counts['hblock-user'].resealed;
  if (sealed > 0) log(`encrypted ${sealed} shared secrets stored in clear text`);
}
