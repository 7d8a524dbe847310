import { z } from 'zod';

/**
 * How a Blocklet Server access key proves itself: a wallet signature over a fresh stamp, a
 * sha256 of the shared secret and the 30-second step, or a TOTP code.
 */
export const ACCESS_KEY_ALGS = ['wallet', 'sha256', 'totp'] as const;
export const AccessKeyAlg = z.enum(ACCESS_KEY_ALGS);
export type AccessKeyAlg = z.infer<typeof AccessKeyAlg>;
