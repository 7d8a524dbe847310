import { z } from 'zod';

import { Role } from './api-keys';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './enums';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** An address people sign in with; compared lower-case. */
export const MemberEmail = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((email) => email.toLowerCase());

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  role: Role,
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const AddMemberInput = z.object({ email: MemberEmail, role: Role });
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const ChangeMemberRoleInput = z.object({ userId: z.string().min(1), role: Role });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleInput>;

export const RemoveMemberInput = z.object({ userId: z.string().min(1) });
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

/** Whose forgotten password an owner or admin replaces with a new generated one. */
export const ResetMemberPasswordInput = z.object({ email: MemberEmail });
export type ResetMemberPasswordInput = z.infer<typeof ResetMemberPasswordInput>;

/** The member's new initial password, answered this once (nothing else keeps it readable). */
export const ResetMemberPassword = z.object({ email: z.string(), password: z.string() });
export type ResetMemberPassword = z.infer<typeof ResetMemberPassword>;

/** A new member; `password` is their initial one (shown once), null if they already sign in. */
export const AddedMember = Member.extend({ password: z.string().nullable() });
export type AddedMember = z.infer<typeof AddedMember>;
