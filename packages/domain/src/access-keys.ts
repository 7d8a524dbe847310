import { z } from 'zod';

import { Role } from './api-keys';
import { Label } from './common';
import { CredentialTimes } from './credential-kinds';

/**
 * How a Blocklet Server access key proves itself: a wallet signature over a fresh stamp, a
 * sha256 of the shared secret and the 30-second step, or a TOTP code.
 */
export const ACCESS_KEY_ALGS = ['wallet', 'sha256', 'totp'] as const;
export const AccessKeyAlg = z.enum(ACCESS_KEY_ALGS);
export type AccessKeyAlg = z.infer<typeof AccessKeyAlg>;

/** The `type` `setAuthAccessKey` takes for shared-secret keys; wallet keys pass none. */
export const SharedSecretAlg = z.enum(['sha256', 'totp']);
export type SharedSecretAlg = z.infer<typeof SharedSecretAlg>;

/** What the client sends as `x-access-key-id`: a wallet DID or an `ak_...` id. */
export const AccessKeyId = z.string().trim().min(1).max(200);

export const AccessKey = z.object({
  id: z.string(),
  alg: AccessKeyAlg,
  role: Role,
  name: z.string(),
  ...CredentialTimes.shape,
});
export type AccessKey = z.infer<typeof AccessKey>;

/** Access keys read by default: they are handed to scripts and dashboards. */
export const CreateAccessKeyInput = z.object({
  alg: AccessKeyAlg.default('wallet'),
  role: Role.default('viewer'),
  name: Label.default('access key'),
});
export type CreateAccessKeyInput = z.infer<typeof CreateAccessKeyInput>;

/**
 * A new access key, its first three fields exactly what `client.setAuthAccessKey` takes. The
 * secret is shown this once: a wallet key's secret key is never stored at all.
 */
export const CreatedAccessKey = z.object({
  accessKeyId: z.string(),
  accessKeySecret: z.string(),
  /** Absent for wallet keys: the client then signs with a default ArcBlock wallet. */
  type: SharedSecretAlg.optional(),
  alg: AccessKeyAlg,
  role: Role,
  name: z.string(),
});
export type CreatedAccessKey = z.infer<typeof CreatedAccessKey>;

export const AccessKeyRef = z.object({ id: AccessKeyId });
export type AccessKeyRef = z.infer<typeof AccessKeyRef>;
