'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useMemo, useState } from 'react';

import type { Backup } from '@opsledger/domain';

import { AppFilter } from '../../../../components/app-filter';
import { DailyChart } from '../../../../components/charts';
import { createColumnHelper } from '../../../../components/columns';
import { DataTable } from '../../../../components/data-table';
import { ErrorMessage } from '../../../../components/error-message';
import { FilterBar, TimeRangeFilter } from '../../../../components/filters';
import { humanDuration } from '../../../../components/format';
import { ProgressBar } from '../../../../components/progress-bar';
import { FieldList, JsonBlock, RecordDrawer } from '../../../../components/record-drawer';
import { EmptyState, PageHeader, Panel } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { Time, useHydrated, viewerTimeZone } from '../../../../components/time';
import { useTRPC } from '../../../../trpc/react';
import { backupInput, backupParams } from './search-params';

const took = (backup: Backup) =>
  backup.startedAt && backup.finishedAt
    ? humanDuration(Date.parse(backup.finishedAt) - Date.parse(backup.startedAt))
    : '—';

const column = createColumnHelper<Backup>();
const columns = [
  column.accessor('createdAt', {
    header: 'Started',
    cell: (info) => <Time value={info.getValue()} className="whitespace-nowrap" />,
  }),
  column.accessor((backup) => backup.targetName ?? backup.target, {
    id: 'target',
    header: 'Target',
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  column.accessor('progress', {
    header: 'Progress',
    cell: (info) => (
      <ProgressBar
        value={info.getValue()}
        label={`Backup progress`}
        failed={info.row.original.status === 'failed'}
      />
    ),
  }),
  column.accessor(took, { id: 'took', header: 'Took' }),
  column.accessor((backup) => backup.message ?? '', {
    id: 'message',
    header: 'Message',
    cell: (info) => <span className="line-clamp-2">{info.getValue() || '—'}</span>,
  }),
];

/** The daily success/error counts of the range, days cut in the viewer's time zone. */
function DailySummary({ filter }: { filter: ReturnType<typeof backupInput> }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const timeZone = hydrated ? viewerTimeZone() : 'UTC';
  const { limit: _limit, ...range } = filter;
  const summary = useQuery({
    ...trpc.backups.summary.queryOptions({ ...range, timeZone }),
    enabled: hydrated,
  });
  const data = useMemo(
    () =>
      (summary.data?.summary ?? []).map((day) => ({
        date: day.date,
        succeeded: day.successCount,
        failed: day.errorCount,
      })),
    [summary.data],
  );
  return (
    <Panel title={`Finished backups per day (${timeZone})`}>
      {summary.error ? (
        <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data && data.length === 0 ? (
        <EmptyState>No backup finished in this range.</EmptyState>
      ) : (
        <DailyChart
          label="Succeeded and failed backups per day"
          data={data}
          stacked
          series={[
            { key: 'succeeded', label: 'Succeeded', color: '#10b981' },
            { key: 'failed', label: 'Failed', color: '#ef4444' },
          ]}
        />
      )}
    </Panel>
  );
}

/** Backups: the daily outcome chart over the chosen range, then every backup with its progress. */
export function BackupsView() {
  const trpc = useTRPC();
  const [state] = useQueryStates(backupParams);
  const input = backupInput(state);
  const query = useInfiniteQuery(
    trpc.backups.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const [open, setOpen] = useState<Backup | null>(null);

  return (
    <>
      <PageHeader title="Backups" description="Backups of the team's apps, newest first." />
      <FilterBar label="Filter backups">
        <AppFilter />
        <TimeRangeFilter defaultPreset="30d" />
      </FilterBar>
      <div className="mb-4">
        <DailySummary filter={input} />
      </div>
      <DataTable
        caption="Backups"
        columns={columns}
        rows={rows}
        rowKey={(backup) => backup.id}
        onOpen={setOpen}
        query={query}
        empty="No backup in this range."
      />
      {open && (
        <RecordDrawer
          open
          onOpenChange={(next) => !next && setOpen(null)}
          title={`Backup to ${open.targetName ?? open.target}`}
        >
          <FieldList
            fields={[
              ['Status', <StatusBadge key="s" status={open.status} />],
              ['Progress', <ProgressBar key="p" value={open.progress} label="Backup progress" />],
              ['App DID', open.appDid],
              ['Created', <Time key="c" value={open.createdAt} />],
              ['Started', open.startedAt && <Time key="s2" value={open.startedAt} />],
              ['Finished', open.finishedAt && <Time key="f" value={open.finishedAt} />],
              ['Took', took(open)],
              ['Strategy', String(open.strategy)],
              ['Source', open.sourceUrl],
              ['Target', open.target],
              ['Target URL', open.targetUrl],
              ['Message', open.message],
              ['Started by', open.userDid],
            ]}
          />
          <h3 className="mt-4 mb-2 text-sm font-semibold">Metadata</h3>
          <JsonBlock value={open.metadata} />
        </RecordDrawer>
      )}
    </>
  );
}
