import type { TRPCRouterRecord } from '@trpc/server';

import { AddMemberInput, ChangeMemberRoleInput, RemoveMemberInput } from '@opsledger/domain';

import {
  addMember,
  changeMemberRole,
  listMembers,
  removeMember,
} from '../services/members/memberships';
import { manageProcedure } from '../trpc';

/** The people of the team and their roles: owners and admins manage them. */
export const membersRouter = {
  list: manageProcedure.query(listMembers),
  /** A person new to OpsLedger gets an initial password, answered this once. */
  add: manageProcedure.input(AddMemberInput).mutation(addMember),
  changeRole: manageProcedure.input(ChangeMemberRoleInput).mutation(changeMemberRole),
  remove: manageProcedure.input(RemoveMemberInput).mutation(removeMember),
} satisfies TRPCRouterRecord;
