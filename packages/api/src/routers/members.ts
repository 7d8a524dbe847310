import type { TRPCRouterRecord } from '@trpc/server';

import {
  AddMemberInput,
  ChangeMemberRoleInput,
  RemoveMemberInput,
  ResetMemberPasswordInput,
} from '@opsledger/domain';

import {
  addMember,
  changeMemberRole,
  listMembers,
  removeMember,
} from '../services/members/memberships';
import { resetMemberPassword } from '../services/members/reset-member-password';
import { manageProcedure } from '../trpc';

/** The people of the team and their roles: owners and admins manage them. */
export const membersRouter = {
  list: manageProcedure.query(listMembers),
  /** A person new to OpsLedger gets an initial password, answered this once. */
  add: manageProcedure.input(AddMemberInput).mutation(addMember),
  changeRole: manageProcedure.input(ChangeMemberRoleInput).mutation(changeMemberRole),
  remove: manageProcedure.input(RemoveMemberInput).mutation(removeMember),
  /** A member who forgot their password gets a new generated one, answered this once. */
  resetPassword: manageProcedure.input(ResetMemberPasswordInput).mutation(resetMemberPassword),
} satisfies TRPCRouterRecord;
