import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hbs_';

/** A new HBlock user secret: 32 random bytes, recognisable by its prefix in configs. */
export function generateHBlockSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * What an HBlock request signs (OpsLedger's definition; the seed gives none): the method, the
 * Date header and the request target exactly as sent, one per line.
 */
export function hblockStringToSign(method: string, date: string, target: string): string {
  return `${method.toUpperCase()}\n${date}\n${target}`;
}

/** base64(HMAC-SHA256(secret, string to sign)): the signature after `HBlock <userName>:`. */
export function hblockSignature(secret: string, stringToSign: string): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('base64');
}

/** Constant-time comparison of a presented signature with the expected one. */
export function signaturesMatch(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
