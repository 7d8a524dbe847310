import type { QueryClient } from '@tanstack/react-query';
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createLoader, parseAsString, parseAsStringLiteral, type inferParserType } from 'nuqs/server';

import type { AppRouter } from '@opsledger/api';
import {
  ACTIVITY_RESOURCE_TYPES,
  ACTIVITY_SORTS,
  type ActivityFilter,
  type ActivitySort,
} from '@opsledger/domain';

import { resolveTimeRange, timeRangeParsers } from '../../../../components/time-range';

const BOOLEAN = ['true', 'false'] as const;

/** Every filter of the seed's AuditLogFilterInput, the four sorts, and the open timeline. */
export const activityParams = {
  websiteUuid: parseAsString,
  companyId: parseAsString,
  sourceId: parseAsString,
  sequenceKey: parseAsString,
  keypoint: parseAsStringLiteral(BOOLEAN),
  endpoint: parseAsStringLiteral(BOOLEAN),
  resourceType: parseAsStringLiteral(ACTIVITY_RESOURCE_TYPES),
  sort: parseAsStringLiteral(ACTIVITY_SORTS).withDefault('createdAt_DESC'),
  /** The sequence whose timeline is open. */
  timeline: parseAsString,
  ...timeRangeParsers('all'),
};
export const loadActivityParams = createLoader(activityParams);
type State = inferParserType<typeof activityParams>;

export interface ActivityFeedInput {
  filter: ActivityFilter;
  sort: ActivitySort;
  first: number;
}

export function activityInput(state: State): ActivityFeedInput {
  const range = resolveTimeRange(state);
  return {
    filter: {
      ...(state.websiteUuid && { websiteUuid: state.websiteUuid }),
      ...(state.companyId && { companyId: state.companyId }),
      ...(state.sourceId && { sourceId: state.sourceId }),
      ...(state.sequenceKey && { sequenceKey: state.sequenceKey }),
      ...(state.keypoint && { keypoint: state.keypoint === 'true' }),
      ...(state.endpoint && { endpoint: state.endpoint === 'true' }),
      ...(state.resourceType && { resourceType: state.resourceType }),
      ...(range.from && { createdAtAfter: range.from }),
      ...(range.to && { createdAtBefore: range.to }),
    },
    sort: state.sort,
    first: 50,
  };
}

/**
 * Relay-style pages (`after`/`endCursor`) as one infinite query. The server component and the
 * browser build it alike, from their own tRPC proxy and query client, so the prefetched first
 * page is the one the browser shows.
 */
export function activityFeed(
  trpc: TRPCOptionsProxy<AppRouter>,
  queryClient: QueryClient,
  input: ActivityFeedInput,
) {
  return infiniteQueryOptions({
    queryKey: ['portal', 'activityFeed', input],
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery(
        trpc.activities.list.queryOptions({ ...input, ...(pageParam && { after: pageParam }) }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null),
  });
}

/** A resource's history, oldest first: every entry with its sequence key. */
export const timelineInput = (sequenceKey: string): ActivityFeedInput => ({
  filter: { sequenceKey },
  sort: 'createdAt_ASC',
  first: 100,
});
