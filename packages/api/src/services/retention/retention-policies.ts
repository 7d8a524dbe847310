import { eq, retentionPolicies } from '@opsledger/db';
import {
  DEFAULT_RETENTION_DAYS,
  RETENTION_STREAMS,
  type RetentionPolicies,
  type RetentionSetInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';

/** Every stream's retention for the caller's team: what an owner set, else the default. */
export async function showRetention({ ctx }: { ctx: ServiceContext }): Promise<RetentionPolicies> {
  const rows = await ctx.database.db
    .select({ stream: retentionPolicies.stream, days: retentionPolicies.days })
    .from(retentionPolicies)
    .where(eq(retentionPolicies.teamId, ctx.caller.team.id));
  const set = new Map(rows.map((row) => [row.stream, row.days]));
  return {
    policies: RETENTION_STREAMS.map((stream) =>
      set.has(stream)
        ? { stream, days: set.get(stream) ?? null, isDefault: false }
        : { stream, days: DEFAULT_RETENTION_DAYS[stream], isDefault: true },
    ),
  };
}

/**
 * Sets one stream's retention for the caller's team (null days: keep forever) and answers
 * every stream's. Reads stop answering what the new policy expires at once; the storage goes
 * at the next retention run that finds the month expired for every team.
 */
export async function setRetention({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RetentionSetInput;
}): Promise<RetentionPolicies> {
  const teamId = ctx.caller.team.id;
  const updatedAt = new Date().toISOString();
  await ctx.database.db
    .insert(retentionPolicies)
    .values({ teamId, stream: input.stream, days: input.days, updatedAt })
    .onConflictDoUpdate({
      target: [retentionPolicies.teamId, retentionPolicies.stream],
      set: { days: input.days, updatedAt },
    });
  return showRetention({ ctx });
}
