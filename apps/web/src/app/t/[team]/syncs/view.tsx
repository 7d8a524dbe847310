'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useState } from 'react';

import type { SyncRun } from '@opsledger/domain';
import { RUN_STATUSES, SYNC_ACTION_TYPES } from '@opsledger/domain/enums';

import { AppFilter } from '../../../../components/app-filter';
import { createColumnHelper } from '../../../../components/columns';
import { DataTable } from '../../../../components/data-table';
import { FilterBar, SelectFilter } from '../../../../components/filters';
import { exactNumber, humanBytes, humanDuration } from '../../../../components/format';
import { FieldList, JsonBlock, RecordDrawer } from '../../../../components/record-drawer';
import { PageHeader } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { Time } from '../../../../components/time';
import { useTRPC } from '../../../../trpc/react';
import { syncFilter, syncParams, syncRuns } from './search-params';

const counts = (run: SyncRun) =>
  `${exactNumber(run.successCount)} ok · ${exactNumber(run.errorCount)} failed / ${exactNumber(run.totalCount)}`;

const column = createColumnHelper<SyncRun>();
const columns = [
  column.accessor('createdAt', {
    header: 'Started',
    cell: (info) => <Time value={info.getValue()} className="whitespace-nowrap" />,
  }),
  column.accessor('appName', { header: 'App' }),
  column.accessor('actionType', {
    header: 'Action',
    cell: (info) => <code className="text-xs">{info.getValue()}</code>,
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  column.accessor(counts, {
    id: 'counts',
    header: 'Objects',
    cell: (info) => (
      <span className={info.row.original.errorCount > 0 ? 'text-red-700 dark:text-red-300' : ''}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor('size', { header: 'Size', cell: (info) => humanBytes(info.getValue()) }),
  column.accessor('duration', {
    header: 'Duration',
    cell: (info) => humanDuration(info.getValue()),
  }),
];

/** Syncs: every run with its status, counts, size and duration; filter by status and action. */
export function SyncsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state] = useQueryStates(syncParams);
  const query = useInfiniteQuery(syncRuns(trpc, queryClient, syncFilter(state)));
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const [open, setOpen] = useState<SyncRun | null>(null);

  return (
    <>
      <PageHeader
        title="Syncs"
        description="Object syncs, backups and restores of the team's apps."
      />
      <FilterBar label="Filter sync runs">
        <SelectFilter name="status" label="Status" options={RUN_STATUSES} />
        <SelectFilter name="action" label="Action type" options={SYNC_ACTION_TYPES} />
        <AppFilter />
      </FilterBar>
      <DataTable
        caption="Sync runs"
        columns={columns}
        rows={rows}
        rowKey={(run) => run.id}
        onOpen={setOpen}
        query={query}
        empty="No sync run matches these filters."
      />
      {open && (
        <RecordDrawer
          open
          onOpenChange={(next) => !next && setOpen(null)}
          title={`${open.actionType} of ${open.appName}`}
        >
          <FieldList
            fields={[
              ['Status', <StatusBadge key="s" status={open.status} />],
              ['Reason', open.reason],
              ['Started', <Time key="c" value={open.createdAt} />],
              ['Updated', <Time key="u" value={open.updatedAt} />],
              ['Objects', counts(open)],
              ['Size', humanBytes(open.size)],
              ['Duration', humanDuration(open.duration)],
              ['Source', open.source],
              ['Target', open.target],
              ['App DID', open.appDid],
              ['Started by', open.username ?? open.userId],
            ]}
          />
          <h3 className="mt-4 mb-2 text-sm font-semibold">Metadata</h3>
          <JsonBlock value={open.metadata} />
        </RecordDrawer>
      )}
    </>
  );
}
