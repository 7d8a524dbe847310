import type { TRPCRouterRecord } from '@trpc/server';

import { CreateHBlockUserInput, RevokeHBlockUserInput } from '@opsledger/domain';

import {
  createHBlockUser,
  listHBlockUsers,
  revokeHBlockUser,
} from '../services/hblock-users/hblock-users';
import { manageProcedure } from '../trpc';

/** Users of the HBlock event API (`Authorization: HBlock <userName>:<signature>`). */
export const hblockUsersRouter = {
  create: manageProcedure.input(CreateHBlockUserInput).mutation(createHBlockUser),
  list: manageProcedure.query(listHBlockUsers),
  revoke: manageProcedure.input(RevokeHBlockUserInput).mutation(revokeHBlockUser),
} satisfies TRPCRouterRecord;
