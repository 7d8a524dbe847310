import { z } from 'zod';

import { Timestamp } from './common';

/** When a credential was made, last used and revoked: the last fields of every credential. */
export const CredentialTimes = z.object({
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type CredentialTimes = z.infer<typeof CredentialTimes>;

export interface CredentialKind {
  /** The input field that names one to revoke, and that the refusals name. */
  ref: 'id' | 'name';
  /** What it is called where it is not found. */
  label: string;
  /** What several are called where a role may not create or revoke them. */
  plural: 'keys' | 'users';
}

/**
 * The credentials a team hands out (API keys, Blocklet Server access keys, HBlock users): each
 * is created with a role its creator may grant, listed newest first, and revoked (never
 * deleted) by its ref, by a caller who may grant its role.
 */
export const CREDENTIAL_KINDS = {
  apiKey: { ref: 'id', label: 'api key', plural: 'keys' },
  accessKey: { ref: 'id', label: 'access key', plural: 'keys' },
  hblockUser: { ref: 'name', label: 'HBlock user', plural: 'users' },
} as const satisfies Record<string, CredentialKind>;
