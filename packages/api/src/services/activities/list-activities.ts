import {
  ACTIVITY_RESOURCE_TYPES,
  activityFromEvent,
  type ActivityConnection,
  type ActivityListInput,
  type ActivitySort,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { keysetPageOfEvents, type EventOrder } from '../events/keyset-page';
import { searchCondition } from '../search/search-sql';
import { activityConditions } from './activity-conditions';

const ORDERS: Record<ActivitySort, EventOrder> = {
  createdAt_ASC: { key: 'occurredAt', direction: 'asc' },
  createdAt_DESC: { key: 'occurredAt', direction: 'desc' },
  resourceType_ASC: { key: 'category', direction: 'asc', categories: ACTIVITY_RESOURCE_TYPES },
  resourceType_DESC: { key: 'category', direction: 'desc', categories: ACTIVITY_RESOURCE_TYPES },
};

/** The Activities Log `auditLogs` connection: keyset pages in any of its four sorts. */
export async function listActivities({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ActivityListInput;
}): Promise<ActivityConnection> {
  const page = await keysetPageOfEvents(ctx, {
    stream: 'activity',
    where: [...activityConditions(input.filter), searchCondition('activity', input.filter.q)],
    order: ORDERS[input.sort],
    cursor: input.after,
    cursorField: 'after',
    limit: input.first,
  });
  const edges = page.events.map((event) => ({
    node: activityFromEvent(event),
    cursor: page.cursorOf(event),
  }));
  return {
    edges,
    pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: page.nextCursor !== null },
  };
}
