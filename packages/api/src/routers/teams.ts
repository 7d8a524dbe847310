import type { TRPCRouterRecord } from '@trpc/server';

import { CreateTeamInput, RenameTeamInput } from '@opsledger/domain';

import { createTeam } from '../services/teams/create-team';
import { getCurrentTeam, renameTeam } from '../services/teams/current-team';
import { ownerProcedure, readProcedure } from '../trpc';

export const teamsRouter = {
  current: readProcedure.query(getCurrentTeam),
  rename: ownerProcedure.input(RenameTeamInput).mutation(renameTeam),
  /** An owner may found another team; the answer holds that team's only owner key. */
  create: ownerProcedure
    .input(CreateTeamInput)
    .mutation(({ ctx, input }) => createTeam(ctx.database, input)),
} satisfies TRPCRouterRecord;
