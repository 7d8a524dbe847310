'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';

import type { Activity } from '@opsledger/domain';
import { ACTIVITY_RESOURCE_TYPES } from '@opsledger/domain/enums';

import { createColumnHelper } from '../../../../components/columns';
import { DataTable } from '../../../../components/data-table';
import {
  FilterBar,
  SearchFilter,
  SelectFilter,
  TimeRangeFilter,
} from '../../../../components/filters';
import { PageHeader } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { Time } from '../../../../components/time';
import { useTRPC } from '../../../../trpc/react';
import { activityFeed, activityInput, activityParams } from './search-params';
import { Timeline } from './timeline';

const SORTS = [
  { value: 'createdAt_DESC', label: 'Newest first' },
  { value: 'createdAt_ASC', label: 'Oldest first' },
  { value: 'resourceType_ASC', label: 'Resource type A–Z' },
  { value: 'resourceType_DESC', label: 'Resource type Z–A' },
];
const YES_NO = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

const column = createColumnHelper<Activity>();
const columns = [
  column.accessor('createdAt', {
    header: 'Time',
    cell: (info) => <Time value={info.getValue()} className="whitespace-nowrap" />,
  }),
  column.accessor('resourceTitle', { header: 'Resource' }),
  column.accessor('resourceType', {
    header: 'Type',
    cell: (info) => <code className="text-xs">{info.getValue()}</code>,
  }),
  column.display({
    id: 'marks',
    header: 'Marks',
    cell: ({ row }) => (
      <span className="flex gap-1">
        {row.original.keypoint && <StatusBadge status="keypoint" tone="busy" />}
        {row.original.endpoint && <StatusBadge status="endpoint" tone="good" />}
      </span>
    ),
  }),
  column.accessor((entry) => entry.changedFields.join(', '), {
    id: 'changed',
    header: 'Changed fields',
    cell: (info) => <span className="line-clamp-2">{info.getValue() || '—'}</span>,
  }),
  column.accessor((entry) => entry.auditLogSession?.authenticatedEntityName ?? '—', {
    id: 'by',
    header: 'By',
  }),
];

/** Activity: every seed filter and sort, Relay cursor pages; a row opens its resource's timeline. */
export function ActivityView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useQueryStates(activityParams, { history: 'push' });
  const query = useInfiniteQuery(activityFeed(trpc, queryClient, activityInput(state)));
  const rows = query.data?.pages.flatMap((page) => page.edges.map((edge) => edge.node)) ?? [];

  return (
    <>
      <PageHeader
        title="Activity"
        description="Changes to sites and their configurations. Open a row to see its resource's timeline."
      />
      <FilterBar label="Filter activity">
        <SelectFilter name="resourceType" label="Resource type" options={ACTIVITY_RESOURCE_TYPES} />
        <SelectFilter name="keypoint" label="Keypoint" options={YES_NO} />
        <SelectFilter name="endpoint" label="Endpoint" options={YES_NO} />
        <SelectFilter
          name="sort"
          label="Sort"
          options={SORTS}
          anyLabel={null}
          defaultValue="createdAt_DESC"
        />
        <SearchFilter name="websiteUuid" label="Website UUID" />
        <SearchFilter name="companyId" label="Company ID" />
        <SearchFilter name="sourceId" label="Source ID" />
        <SearchFilter name="sequenceKey" label="Sequence key" />
        <TimeRangeFilter />
      </FilterBar>
      <DataTable
        caption="Activity"
        columns={columns}
        rows={rows}
        rowKey={(entry) => entry.id}
        onOpen={(entry) => void setState({ timeline: entry.sequenceKey })}
        query={query}
        empty="No activity matches these filters."
      />
      {state.timeline && (
        <Timeline sequenceKey={state.timeline} onClose={() => void setState({ timeline: null })} />
      )}
    </>
  );
}
