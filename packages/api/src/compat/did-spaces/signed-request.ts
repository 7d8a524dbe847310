import { hexBytes, isDidOfPublicKey, sha3, stripDidPrefix } from '../../auth/abt-did/abt-did';
import { unauthorized } from '../../errors';
import type { Exchange } from '../../http/exchange';
import { decodeAbtJwt, isSignedBy, timeProblem } from './abt-jwt';
import { delegatorOf } from './delegation';

/** Who signed a DID Spaces request, and the app it acts for. */
export interface SignedRequest {
  /** The wallet that signed the request (`x-app-did`). */
  signerDid: string;
  /** The app the request acts for: the signer itself, or the delegator of its delegation. */
  appDid: string;
}

/**
 * The published client signs tokens that live one hour. OpsLedger accepts no longer-lived
 * ones: the token covers the method and URL but not the body, so its lifetime is how long a
 * captured token could be replayed.
 */
const MAX_TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * The digest a request token must carry: SHA3-256 of the key-sorted, space-free JSON of the
 * method, the request target exactly as sent, and `data` (always `{}` for these endpoints: the
 * client signs the body only when `data.data` is a string, which it never is here).
 */
export function requestDigest(method: string, target: string): string {
  const canonical = JSON.stringify({ data: {}, method, url: target });
  return `0x${sha3(canonical).toString('hex')}`;
}

/**
 * The spellings of a request target that mean the same request. The client signs its list
 * query with a bare `sort` when the sort is empty; Next.js hands route handlers a URL whose
 * query was re-serialised (`sort=`), so the bare spelling of empty values is accepted too.
 */
export function spellingsOfTarget(target: string): string[] {
  const bare = target.replace(/=(?=&|$)/g, '');
  return bare === target ? [target] : [target, bare];
}

/**
 * Verifies a request signed the way `@blocklet/did-space-js` signs (`signRequest`): the wallet
 * DID is the DID of the public key, the token is signed by that key and current, it was made
 * for this method and request target, and a delegation, when present, is valid. Every failure
 * is a 401 (a delegation that grants this signer nothing is a 403); nothing here touches data.
 */
export function verifySignedRequest(exchange: Exchange, nowSeconds: number): SignedRequest {
  const headers = exchange.request.headers;
  const did = headers.get('x-app-did');
  const pk = headers.get('x-app-pk');
  const token = headers.get('x-app-token');
  if (!did || !pk || !token) {
    throw unauthorized(
      'x-app-token: the request must be signed (x-app-did, x-app-pk and x-app-token headers)',
    );
  }
  const signerDid = stripDidPrefix(did.trim());
  const publicKey = hexBytes(pk.trim(), 32);
  if (!publicKey) throw unauthorized('x-app-pk: must be 0x and 64 hex digits');
  if (!isDidOfPublicKey(signerDid, publicKey)) {
    throw unauthorized('x-app-did: is not the DID of x-app-pk');
  }

  const jwt = decodeAbtJwt(token.trim());
  if (!jwt) throw unauthorized('x-app-token: is not a token (header.body.signature)');
  if (typeof jwt.body.iss !== 'string' || stripDidPrefix(jwt.body.iss) !== signerDid) {
    throw unauthorized('x-app-token: iss is not x-app-did');
  }
  if (!isSignedBy(jwt, publicKey)) throw unauthorized('x-app-token: the signature is not valid');
  const problem = timeProblem(jwt.body, nowSeconds, {
    maxLifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS,
  });
  if (problem) throw unauthorized(`x-app-token: ${problem}`);
  const digest = typeof jwt.body.digest === 'string' ? jwt.body.digest.toLowerCase() : null;
  const method = exchange.request.method.toUpperCase();
  if (!spellingsOfTarget(exchange.target).some((url) => digest === requestDigest(method, url))) {
    throw unauthorized('x-app-token: the digest was made for another request (method and URL)');
  }

  const delegation = headers.get('x-app-delegation')?.trim();
  const appDid = delegation ? delegatorOf(delegation, signerDid, nowSeconds) : signerDid;
  return { signerDid, appDid };
}
