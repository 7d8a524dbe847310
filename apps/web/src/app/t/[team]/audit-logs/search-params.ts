import { createLoader, parseAsString, type inferParserType } from 'nuqs/server';

import type { AuditLogScrollInput } from '@opsledger/domain';

import { resolveTimeRange, timeRangeParsers } from '../../../../components/time-range';

/** The audit-log filters as query-string keys, read alike by the server and the browser. */
export const auditLogParams = {
  scope: parseAsString,
  category: parseAsString,
  q: parseAsString,
  actor: parseAsString,
  ...timeRangeParsers('all'),
};
export const loadAuditLogParams = createLoader(auditLogParams);

type State = inferParserType<typeof auditLogParams>;

/** The scroll input a filter state asks for (the cursor is the infinite query's). */
export function auditLogInput(state: State): Omit<AuditLogScrollInput, 'cursor'> {
  return {
    ...(state.scope && { scope: state.scope }),
    ...(state.category && { category: state.category }),
    ...(state.q?.trim() && { actionOrContent: state.q.trim() }),
    ...(state.actor && { actorDid: state.actor }),
    ...resolveTimeRange(state),
    limit: 50,
  };
}
