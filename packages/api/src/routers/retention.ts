import { TRPCError, type TRPCRouterRecord } from '@trpc/server';

import { runRetention } from '@opsledger/db';
import { RetentionSetInput, type RetentionRunResult } from '@opsledger/domain';

import { setRetention, showRetention } from '../services/retention/retention-policies';
import { ownerProcedure, readProcedure } from '../trpc';

/**
 * Applying retention removes data of every team (the event months are shared), but only what
 * each team's own policy has expired, so running it early or twice changes nothing: owners and
 * the worker's service key may start it.
 */
const platformProcedure = readProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== 'owner' && ctx.caller.role !== 'service') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `a ${ctx.caller.role} key may not run retention (owner or service keys may)`,
    });
  }
  return next();
});

export const retentionRouter = {
  show: readProcedure.query(showRetention),
  set: ownerProcedure.input(RetentionSetInput).mutation(setRetention),
  run: platformProcedure.mutation(({ ctx }): Promise<RetentionRunResult> =>
    runRetention(ctx.database, new Date()),
  ),
} satisfies TRPCRouterRecord;
