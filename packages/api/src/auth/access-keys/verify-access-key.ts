import type { AccessKeyAlg } from '@opsledger/domain';

import { hexBytes, isDidOfPublicKey, sha3, verifyEd25519 } from '../abt-did/abt-did';
import type { PresentedAccessKey } from './presented-access-key';
import { hotpCode, matchesTimeStep, sha256Code } from './time-step-codes';

/**
 * How far a wallet stamp may be from the server's clock. A signed request is only as good as
 * its stamp: an older one is refused as a possible replay, a newer one as a forged clock.
 */
export const STAMP_WINDOW_MS = 5 * 60_000;

/** What verification needs of a stored key. */
export interface StoredAccessKey {
  id: string;
  alg: AccessKeyAlg;
  publicKey: string | null;
  sharedSecret: string | null;
}

function verifyWallet(
  presented: Extract<PresentedAccessKey, { alg: 'wallet' }>,
  key: StoredAccessKey,
  nowMs: number,
): boolean {
  if (!/^\d{1,16}$/.test(presented.stamp)) return false;
  if (Math.abs(nowMs - Number(presented.stamp)) > STAMP_WINDOW_MS) return false;
  const publicKey = key.publicKey === null ? null : hexBytes(key.publicKey, 32);
  const signature = hexBytes(presented.signature, 64);
  if (!publicKey || !signature) return false;
  // The key id is the DID of the registered public key; a row that says otherwise is refused.
  if (!isDidOfPublicKey(key.id, publicKey)) return false;
  const message = sha3(`${presented.stamp}-${presented.id}`);
  return verifyEd25519(publicKey, message, signature);
}

/** Whether the presented headers prove possession of `key` now. */
export function verifyAccessKey(
  presented: PresentedAccessKey,
  key: StoredAccessKey,
  nowMs: number,
): boolean {
  if (presented.alg !== key.alg || presented.id !== key.id) return false;
  if (presented.alg === 'wallet') return verifyWallet(presented, key, nowMs);
  const secret = key.sharedSecret;
  if (secret === null) return false;
  if (presented.alg === 'sha256') {
    return matchesTimeStep(presented.signature, nowMs, (step) => sha256Code(secret, step));
  }
  return (
    /^\d{6}$/.test(presented.signature) &&
    matchesTimeStep(presented.signature, nowMs, (step) => hotpCode(secret, step))
  );
}
