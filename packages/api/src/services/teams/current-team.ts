import { eq, teams } from '@opsledger/db';
import type { Team } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { teamFromRow } from './team-from-row';

export async function getCurrentTeam({ ctx }: { ctx: ServiceContext }): Promise<Team> {
  const [row] = await ctx.database.db.select().from(teams).where(eq(teams.id, ctx.caller.team.id));
  if (!row) throw notFound('team');
  return teamFromRow(row);
}

export async function renameTeam({ ctx, input }: { ctx: ServiceContext; input: { name: string } }) {
  const [row] = await ctx.database.db
    .update(teams)
    .set({ name: input.name })
    .where(eq(teams.id, ctx.caller.team.id))
    .returning();
  if (!row) throw notFound('team');
  return teamFromRow(row);
}
