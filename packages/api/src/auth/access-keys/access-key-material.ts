import { generateKeyPairSync, randomBytes } from 'node:crypto';

import { didFromPublicKey } from '../abt-did/abt-did';

/** The ArcBlock role of an account wallet, the kind `setAuthAccessKey` makes by default. */
const ROLE_ACCOUNT = 0;

export interface WalletKeyMaterial {
  /** The account DID of the public key: what the client sends as `x-access-key-id`. */
  did: string;
  publicKeyHex: string;
  /** `0x` + hex of seed || public key: the form `@ocap/wallet`'s `fromSecretKey` reads. */
  secretKey: string;
}

/** A fresh Ed25519 wallet. Only the public key is kept; the secret key is shown once. */
export function generateWalletKey(): WalletKeyMaterial {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The raw keys are the last 32 bytes of their DER encodings (SPKI and PKCS#8).
  const pk = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  return {
    did: didFromPublicKey(pk, ROLE_ACCOUNT),
    publicKeyHex: pk.toString('hex'),
    secretKey: '0x' + Buffer.concat([seed, pk]).toString('hex'),
  };
}

export interface SharedSecretKeyMaterial {
  id: string;
  secret: string;
}

/**
 * A random id and a 256-bit shared secret for `sha256` and `totp` keys. The secret is kept as
 * given: both verifiers hash or HMAC the secret itself.
 */
export function generateSharedSecretKey(): SharedSecretKeyMaterial {
  return {
    id: 'ak_' + randomBytes(12).toString('base64url'),
    secret: randomBytes(32).toString('base64url'),
  };
}
