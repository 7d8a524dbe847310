import { sha3, verifyEd25519 } from '../../auth/abt-did/abt-did';

/**
 * The JWT-like tokens of ArcBlock wallets (`wallet.signJWT`, `@arcblock/jwt`):
 * base64url(header).base64url(body).base64url(signature), JSON header and body, the times in
 * the body as strings of Unix seconds. Used for DID Spaces' request tokens and delegations.
 */
export interface AbtJwt {
  header: Record<string, unknown>;
  body: Record<string, unknown>;
  /** The bytes `header.body` as sent: what the signature covers (or their SHA3, see below). */
  signedPart: Buffer;
  signature: Buffer;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function decodeJsonObject(part: string): Record<string, unknown> | null {
  if (!BASE64URL.test(part)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The token's parts, or null when it is not three base64url parts with JSON objects. */
export function decodeAbtJwt(token: string): AbtJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart = '', bodyPart = '', signaturePart = ''] = parts;
  const header = decodeJsonObject(headerPart);
  const body = decodeJsonObject(bodyPart);
  if (!header || !body || !BASE64URL.test(signaturePart)) return null;
  return {
    header,
    body,
    signedPart: Buffer.from(`${headerPart}.${bodyPart}`, 'utf8'),
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

/** `@arcblock/jwt` signs SHA3-256 of `header.body` from version 1.1.0 on, the bytes before. */
const HASH_BEFORE_SIGN_FROM = [1, 1, 0];

function hashesBeforeSigning(version: unknown): boolean {
  const match = typeof version === 'string' ? /(\d+)\.(\d+)\.(\d+)/.exec(version) : null;
  if (!match) return false;
  const parts = match.slice(1).map(Number);
  for (const [index, minimum] of HASH_BEFORE_SIGN_FROM.entries()) {
    const part = parts[index] ?? 0;
    if (part !== minimum) return part > minimum;
  }
  return true;
}

/** Whether the token is an Ed25519 token signed by `publicKey`. */
export function isSignedBy(jwt: AbtJwt, publicKey: Uint8Array): boolean {
  const alg = jwt.header.alg;
  if (typeof alg !== 'string' || alg.toLowerCase() !== 'ed25519') return false;
  const message = hashesBeforeSigning(jwt.body.version) ? sha3(jwt.signedPart) : jwt.signedPart;
  return verifyEd25519(publicKey, message, jwt.signature);
}

/** Clocks differ a little between the client and OpsLedger. */
export const CLOCK_SKEW_SECONDS = 10;

/** A time claim in Unix seconds (a string as the wallets write it, or a number), or null. */
function secondsClaim(body: Record<string, unknown>, name: string): number | null | 'invalid' {
  const value = body[name];
  if (value === undefined || value === null || value === '') return null;
  const seconds = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(seconds) ? seconds : 'invalid';
}

/**
 * What is wrong with the token's times at `nowSeconds`, or null when they hold: not expired,
 * not issued or valid only in the future. `maxLifetimeSeconds` bounds how far ahead `exp` may
 * lie (and then makes it required), which bounds how long a captured token can be replayed.
 */
export function timeProblem(
  body: Record<string, unknown>,
  nowSeconds: number,
  options: { maxLifetimeSeconds?: number } = {},
): string | null {
  const exp = secondsClaim(body, 'exp');
  const iat = secondsClaim(body, 'iat');
  const nbf = secondsClaim(body, 'nbf');
  if (exp === 'invalid' || iat === 'invalid' || nbf === 'invalid') {
    return 'exp, iat and nbf must be Unix seconds';
  }
  if (exp === null && options.maxLifetimeSeconds !== undefined) return 'exp is required';
  if (exp !== null && exp + CLOCK_SKEW_SECONDS < nowSeconds) return 'the token has expired';
  if (iat !== null && iat - CLOCK_SKEW_SECONDS > nowSeconds) return 'iat lies in the future';
  if (nbf !== null && nbf - CLOCK_SKEW_SECONDS > nowSeconds) return 'the token is not valid yet';
  if (
    exp !== null &&
    options.maxLifetimeSeconds !== undefined &&
    exp - nowSeconds > options.maxLifetimeSeconds + CLOCK_SKEW_SECONDS
  ) {
    return `exp lies more than ${options.maxLifetimeSeconds} seconds ahead`;
  }
  return null;
}
