import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';

import { didFromPublicKey, sha3 } from './abt-did';

const ROLE_APPLICATION = 3;
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * An application wallet in @ocap/wallet's shape (`address`, `0x` hex keys, the secret key
 * being seed || public key, `sign` over SHA3-256 of the message), for the programs that must
 * make apps themselves: the demo data and the tests. Real apps bring their own wallets.
 */
export interface AppWallet {
  address: string;
  publicKey: string;
  secretKey: string;
  sign(message: string): string;
}

const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
const fromBase64Url = (text: string | undefined) => Buffer.from(text ?? '', 'base64url');

/** A fresh Ed25519/SHA3 application wallet. */
export function generateAppWallet(): AppWallet {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = fromBase64Url(jwk.d);
  const publicKey = fromBase64Url(jwk.x);
  return {
    address: didFromPublicKey(publicKey, ROLE_APPLICATION),
    publicKey: hex(publicKey),
    secretKey: hex(Buffer.concat([seed, publicKey])),
    sign: (message) => signAsWallet(seed, message),
  };
}

/** Signs as @ocap/wallet's Ed25519/SHA3 wallets do: Ed25519 over the SHA3-256 of the message. */
function signAsWallet(seed: Uint8Array, message: string): string {
  const key = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return hex(sign(null, sha3(message), key));
}
