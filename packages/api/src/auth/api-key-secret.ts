import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'olk_';

/** A new API key secret: 32 random bytes, recognisable by its prefix in logs and configs. */
export function generateApiKeySecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Keys are 256-bit random, so a plain sha256 is a sound verifier (a slow password hash guards
 * low-entropy secrets, and would cost every request).
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const displayPrefix = (secret: string) => secret.slice(0, PREFIX.length + 6);

export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}
