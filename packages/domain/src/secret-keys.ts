import { z } from 'zod';

/**
 * The id of a key that encrypts stored shared secrets; every ciphertext names the key it was
 * made with, so ids must not hold the `:` and `,` that separate fields and list items.
 */
export const SecretKeyId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, "_" or "-"');
export type SecretKeyId = z.infer<typeof SecretKeyId>;

/** 32 random bytes (AES-256) in base64 or base64url, padded or not. */
export const SecretKeyMaterial = z
  .string()
  .regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'must be 32 bytes in base64 (e.g. openssl rand -base64 32)');

export const SecretKeySpec = z.object({ id: SecretKeyId, key: SecretKeyMaterial });
export type SecretKeySpec = z.infer<typeof SecretKeySpec>;

/** Keys in use, the first one (the primary) encrypting new secrets; ids are unique. */
const keysInUse = <T extends z.ZodType<SecretKeySpec>>(key: T) =>
  z
    .array(key)
    .min(1, 'must hold at least one key')
    .refine((keys) => new Set(keys.map((k) => k.id)).size === keys.length, 'key ids must differ');

/**
 * `OPSLEDGER_SECRET_KEYS`: a comma list of `id:base64-key`, primary first; the others are
 * older keys still read.
 */
export const SecretKeyList = z
  .string()
  .transform((text) =>
    text.split(',').map((item) => {
      const at = item.indexOf(':');
      return at < 0
        ? { id: item.trim(), key: '' }
        : { id: item.slice(0, at).trim(), key: item.slice(at + 1).trim() };
    }),
  )
  .pipe(keysInUse(SecretKeySpec));

/** `OPSLEDGER_SECRET_KEYS`'s form of keys, for an operator to paste. */
export const formatSecretKeyList = (keys: readonly SecretKeySpec[]) =>
  keys.map((k) => `${k.id}:${k.key}`).join(',');

/** `secret-keys.json` in the data directory: the keys, primary first. */
export const SecretKeyringFile = z.object({
  // createdAt only tells the operator how old a key is.
  keys: keysInUse(SecretKeySpec.extend({ createdAt: z.string() })),
});
export type SecretKeyringFile = z.infer<typeof SecretKeyringFile>;
