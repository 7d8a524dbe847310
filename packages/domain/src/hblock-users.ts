import { z } from 'zod';

import { Role } from './api-keys';
import { CredentialTimes } from './credential-kinds';

/**
 * An HBlock user name: what the client puts before the colon of `Authorization: HBlock
 * <userName>:<signature>`. No colon or space, so the header splits one way only.
 */
export const HBlockUserName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'must be letters, digits, ".", "_", "@" or "-"');
export type HBlockUserName = z.infer<typeof HBlockUserName>;

export const HBlockUser = z.object({
  userName: z.string(),
  role: Role,
  ...CredentialTimes.shape,
});
export type HBlockUser = z.infer<typeof HBlockUser>;

/** Most HBlock users only read events, so a new user is a viewer unless asked otherwise. */
export const CreateHBlockUserInput = z.object({
  name: HBlockUserName,
  role: Role.default('viewer'),
});
export type CreateHBlockUserInput = z.infer<typeof CreateHBlockUserInput>;

/** A new user: the secret is shown this once (the server keeps it to check signatures). */
export const CreatedHBlockUser = z.object({ userName: z.string(), secret: z.string(), role: Role });
export type CreatedHBlockUser = z.infer<typeof CreatedHBlockUser>;

export const RevokeHBlockUserInput = z.object({ name: HBlockUserName });
export type RevokeHBlockUserInput = z.infer<typeof RevokeHBlockUserInput>;
