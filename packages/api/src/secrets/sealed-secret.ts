import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { SecretKeySpec } from '@opsledger/domain';

/** A key that encrypts stored secrets: AES-256, named by the id every ciphertext carries. */
export interface SecretKey {
  id: string;
  material: Buffer;
}

const VERSION = 'v1';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedParts {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * The parts of `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url), or null for anything else:
 * the shared secrets OpsLedger generates hold no `:`, so a clear-text one never parses.
 */
export function parseSealed(stored: string): SealedParts | null {
  const [version, keyId, iv, tag, ciphertext, ...rest] = stored.split(':');
  if (version !== VERSION || !keyId || !iv || !tag || !ciphertext || rest.length > 0) return null;
  const parts = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  return parts.iv.length === IV_BYTES && parts.tag.length === TAG_BYTES ? parts : null;
}

/**
 * AES-256-GCM with a fresh random IV. `identity` (the row the secret belongs to) is
 * authenticated with it, so a ciphertext copied to another row does not open there.
 */
export function sealWith(key: SecretKey, plain: string, identity: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key.material, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(identity, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const fields = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [VERSION, key.id, ...fields].join(':');
}

/** The clear secret, or null when the ciphertext, its key or its identity do not match. */
export function openWith(key: SecretKey, sealed: SealedParts, identity: string): string | null {
  const decipher = createDecipheriv(CIPHER, key.material, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(identity, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** A new random key with a random id, for a first start or a rotation. */
export function generateSecretKey(): SecretKey {
  return { id: `k${randomBytes(4).toString('hex')}`, material: randomBytes(32) };
}

/** A key as configured (`id` and base64, already validated as 32 bytes). */
export const secretKeyOf = (spec: SecretKeySpec): SecretKey => ({
  id: spec.id,
  material: Buffer.from(spec.key, 'base64'),
});

export const specOf = (key: SecretKey): SecretKeySpec => ({
  id: key.id,
  key: key.material.toString('base64'),
});
