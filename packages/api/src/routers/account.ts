import type { TRPCRouterRecord } from '@trpc/server';

import { teamsOf } from '../services/members/memberships';
import { personProcedure } from '../trpc';

/** The signed-in person's own view: who they are and the teams they may open. */
export const accountRouter = {
  me: personProcedure.query(async ({ ctx }) => {
    const memberships = ctx.personTeams ?? (await teamsOf(ctx.database, ctx.person.userId));
    return {
      email: ctx.person.email,
      teams: memberships.map(({ team, role }) => ({ slug: team.slug, name: team.name, role })),
    };
  }),
} satisfies TRPCRouterRecord;
