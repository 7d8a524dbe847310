import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Both shared-secret schemes count 30-second steps since the epoch. */
const STEP_MS = 30_000;
/** The step before and after are accepted too: clocks drift and requests take time. */
const STEP_WINDOW = [-1, 0, 1] as const;

export const timeStep = (nowMs: number) => Math.floor(nowMs / STEP_MS);

/** `x-access-alg: sha256`: base64(sha256(secret + step)), as the Blocklet client signs. */
export function sha256Code(secret: string, step: number): string {
  return createHash('sha256').update(`${secret}${step}`).digest('base64');
}

/** `x-access-alg: totp`: the 6-digit RFC 4226 HOTP of the step, HMAC-SHA1 keyed by the secret. */
export function hotpCode(secret: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', Buffer.from(secret, 'utf8')).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** Equal strings, compared in time that does not depend on where they differ. */
export function constantTimeEqual(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether `presented` is the code of the current step or of one next to it. */
export function matchesTimeStep(
  presented: string,
  nowMs: number,
  codeOf: (step: number) => string,
): boolean {
  const step = timeStep(nowMs);
  // Every candidate is compared, so the answer takes as long whichever step matched.
  return STEP_WINDOW.map((offset) => constantTimeEqual(presented, codeOf(step + offset))).some(
    Boolean,
  );
}
