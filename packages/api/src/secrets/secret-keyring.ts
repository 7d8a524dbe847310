import { hkdfSync } from 'node:crypto';

import { openWith, parseSealed, sealWith, type SecretKey } from './sealed-secret';

/**
 * The keys that encrypt stored shared secrets: the primary seals new ones, every key opens
 * what it sealed, so old ciphertexts stay readable after a rotation.
 */
export interface SecretKeyring {
  primaryId(): string;
  seal(plain: string, identity: string): string;
  /**
   * The clear secret; null when `stored` is not a ciphertext, was tampered with or belongs to
   * another identity. A key id the keyring does not hold even after a reload is a
   * configuration fault, not a wrong credential: it throws.
   */
  open(stored: string, identity: string): Promise<string | null>;
  /**
   * A secret for one purpose (signing portal session cookies), derived from the primary key
   * with HKDF: servers sharing a keyring agree on it; a rotation replaces it.
   */
  deriveSecret(purpose: string): string;
}

/** A ciphertext names a key the keyring does not hold: its secret cannot be read. */
export class UnknownSecretKeyError extends Error {
  constructor(keyId: string) {
    super(
      `a stored secret was encrypted with key ${keyId}, which the secret keyring ` +
        '(OPSLEDGER_SECRET_KEYS or secret-keys.json) does not hold',
    );
    this.name = 'UnknownSecretKeyError';
  }
}

export interface KeyringSource {
  keys: SecretKey[];
  /** Reads the keys again (the keyring file, which a rotation may have changed). */
  reload?: () => Promise<SecretKey[]>;
}

export function createSecretKeyring(source: KeyringSource): SecretKeyring {
  let keys = source.keys;
  let reloading: Promise<void> | null = null;
  const primary = () => {
    const [first] = keys;
    if (!first) throw new Error('the secret keyring holds no key');
    return first;
  };
  primary();
  const find = (id: string) => keys.find((key) => key.id === id);

  async function reload(): Promise<void> {
    if (!source.reload) return;
    const read = source.reload;
    // Concurrent requests that meet the new key share one read of the file.
    reloading ??= read()
      .then((fresh) => {
        keys = fresh;
      })
      .finally(() => {
        reloading = null;
      });
    await reloading;
  }

  return {
    primaryId: () => primary().id,
    deriveSecret: (purpose) =>
      Buffer.from(
        hkdfSync('sha256', primary().material, Buffer.alloc(0), `opsledger:${purpose}`, 32),
      ).toString('base64url'),
    seal: (plain, identity) => sealWith(primary(), plain, identity),
    async open(stored, identity) {
      const sealed = parseSealed(stored);
      if (!sealed) return null;
      if (!find(sealed.keyId)) await reload();
      const key = find(sealed.keyId);
      if (!key) throw new UnknownSecretKeyError(sealed.keyId);
      return openWith(key, sealed, identity);
    },
  };
}
