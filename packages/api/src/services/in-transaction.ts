import { boundToTransaction } from '@opsledger/db';

import type { ServiceContext } from '../context';

/**
 * Runs services in one transaction: `work` gets a context whose database is bound to it, so all
 * they write commits together or not at all. Inside a transaction already, it is a savepoint.
 */
export function inTransaction<T>(
  ctx: ServiceContext,
  work: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  return ctx.database.transaction((scope) =>
    work({ ...ctx, database: boundToTransaction(ctx.database, scope) }),
  );
}
