import { createHash, createPublicKey, verify } from 'node:crypto';
import { base58 } from '@scure/base';

/**
 * ArcBlock DIDs, as the Blocklet and DID Spaces clients' wallets make them: two type bytes
 * (role << 10 | key << 5 | hash), the first 20 bytes of the public key's hash and a 4-byte
 * checksum, base58btc with a `z` prefix. Only Ed25519 keys hashed with SHA3 are accepted: the
 * published clients' wallets make nothing else, and every other kind would be unverifiable here.
 */
const KEY_ED25519 = 0;
const HASH_SHA3 = 1;
const TYPE_MASK_KEY = 0b11111 << 5;
const TYPE_MASK_HASH = 0b11111;

export const sha3 = (data: Uint8Array | string) => createHash('sha3-256').update(data).digest();

export const stripDidPrefix = (did: string) => did.replace(/^did:abt:/, '');

/** The DID a public key of this role yields. */
export function didFromPublicKey(publicKey: Uint8Array, role: number): string {
  const type = (role << 10) | (KEY_ED25519 << 5) | HASH_SHA3;
  const body = Buffer.concat([
    Buffer.from([type >> 8, type & 0xff]),
    sha3(publicKey).subarray(0, 20),
  ]);
  return 'z' + base58.encode(Buffer.concat([body, sha3(body).subarray(0, 4)]));
}

/** The role encoded in a well-formed Ed25519/SHA3 DID, or null for anything else. */
export function roleOfDid(did: string): number | null {
  const address = stripDidPrefix(did);
  if (!address.startsWith('z')) return null;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(address.slice(1));
  } catch {
    return null;
  }
  if (bytes.length !== 26) return null;
  const body = bytes.subarray(0, 22);
  if (!sha3(body).subarray(0, 4).equals(bytes.subarray(22))) return null;
  const type = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
  if ((type & TYPE_MASK_KEY) >> 5 !== KEY_ED25519 || (type & TYPE_MASK_HASH) !== HASH_SHA3) {
    return null;
  }
  return type >> 10;
}

/** Whether `did` is the DID of `publicKey` (with the role the DID itself declares). */
export function isDidOfPublicKey(did: string, publicKey: Uint8Array): boolean {
  const role = roleOfDid(did);
  return role !== null && didFromPublicKey(publicKey, role) === stripDidPrefix(did);
}

/** `0x`-prefixed or bare hex to bytes; null when it is not hex of the expected length. */
export function hexBytes(hex: string, length?: number): Buffer | null {
  const digits = hex.replace(/^0x/i, '');
  if (!/^[0-9a-f]*$/i.test(digits) || digits.length % 2 !== 0) return null;
  const bytes = Buffer.from(digits, 'hex');
  return length === undefined || bytes.length === length ? bytes : null;
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Ed25519 verification of a signature over `message`, never throwing on malformed input. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
