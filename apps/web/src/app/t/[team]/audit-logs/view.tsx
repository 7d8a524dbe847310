'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useQueryStates } from 'nuqs';
import { useMemo, useState } from 'react';

import type { AuditLog } from '@opsledger/domain';

import { createColumnHelper } from '../../../../components/columns';
import { DataTable } from '../../../../components/data-table';
import { ExportMenu } from '../../../../components/export/export-menu';
import { FilterBar, SearchFilter, TimeRangeFilter } from '../../../../components/filters';
import { FRESH_ROW_CLASS, LiveTailStatus } from '../../../../components/live-tail/live-tail-status';
import { useLiveRows } from '../../../../components/live-tail/use-live-rows';
import { FieldList, JsonBlock, RecordDrawer } from '../../../../components/record-drawer';
import { PageHeader } from '../../../../components/states';
import { Time } from '../../../../components/time';
import { useTRPC } from '../../../../trpc/react';
import { auditLogInput, auditLogParams } from './search-params';

const envText = (log: AuditLog) =>
  [log.env.browser, log.env.os]
    .map((item) => (item?.name ? `${item.name}${item.version ? ` ${item.version}` : ''}` : null))
    .filter(Boolean)
    .join(' / ') || '—';

const actorText = (log: AuditLog) => log.actor.fullName ?? log.actor.did;

const rowKey = (log: AuditLog) => log.id;
const seqOf = (log: AuditLog) => log.seq;

const column = createColumnHelper<AuditLog>();
const columns = [
  column.accessor(actorText, {
    id: 'actor',
    header: 'Actor',
    cell: (info) => (
      <span className="block max-w-40 truncate" title={info.row.original.actor.did}>
        {info.getValue()}
      </span>
    ),
  }),
  // Long unbroken words (URLs, DIDs, ids) wrap: the table fits beside the sidebar at 1280 px.
  column.accessor('action', {
    header: 'Action',
    cell: (info) => <code className="[overflow-wrap:anywhere]">{info.getValue()}</code>,
  }),
  column.accessor('content', {
    header: 'Content',
    cell: (info) => (
      <span className="line-clamp-2 [overflow-wrap:anywhere] sm:min-w-48">{info.getValue()}</span>
    ),
  }),
  column.accessor('createdAt', {
    header: 'Time',
    cell: (info) => <Time value={info.getValue()} className="whitespace-nowrap" />,
  }),
  column.accessor('ip', { header: 'IP', cell: (info) => info.getValue() ?? '—' }),
  column.accessor(envText, {
    id: 'env',
    header: 'Browser / OS',
    cell: (info) => <span className="[overflow-wrap:anywhere]">{info.getValue()}</span>,
  }),
];

/** Audit logs: filters in the URL, newest first, keyset pages, a row opens the full record. */
export function AuditLogsView() {
  const trpc = useTRPC();
  const [state] = useQueryStates(auditLogParams);
  const input = auditLogInput(state);
  const query = useInfiniteQuery(
    trpc.auditLogs.scroll.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const listed = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const { limit: _limit, ...filter } = input;
  const live = useLiveRows(listed, rowKey, seqOf, JSON.stringify(filter));
  const tail = useSubscription(
    trpc.auditLogs.tail.subscriptionOptions(
      { ...filter, afterSeq: live.afterSeq },
      { enabled: query.status === 'success' && !live.paused, onData: live.add },
    ),
  );
  const rows = live.rows;
  const [open, setOpen] = useState<AuditLog | null>(null);

  return (
    <>
      <PageHeader
        title="Audit logs"
        description="Who did what, when and from where; newest first."
        actions={
          <>
            <LiveTailStatus
              status={tail.status}
              paused={live.paused}
              onPausedChange={live.setPaused}
            />
            <ExportMenu stream="audit" filter={filter} />
          </>
        }
      />
      <FilterBar label="Filter audit logs">
        <SearchFilter name="q" label="Action or content" placeholder="e.g. login" />
        <SearchFilter name="scope" label="Scope" placeholder="e.g. node" />
        <SearchFilter name="category" label="Category" placeholder="e.g. user" />
        <SearchFilter name="actor" label="Actor DID" placeholder="z1…" />
        <TimeRangeFilter />
      </FilterBar>
      <DataTable
        caption="Audit logs"
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        rowClassName={(log) => (live.isFresh(log) ? FRESH_ROW_CLASS : undefined)}
        onOpen={setOpen}
        query={query}
        empty="No audit log matches these filters."
      />
      {open && (
        <RecordDrawer
          open
          onOpenChange={(next) => !next && setOpen(null)}
          title={`${open.action} by ${actorText(open)}`}
          description={`Audit log #${open.seq}`}
        >
          <FieldList
            fields={[
              ['Time', <Time key="t" value={open.createdAt} />],
              ['Scope', open.scope],
              ['Category', open.category],
              ['Action', open.action],
              ['Content', open.content || '—'],
              ['Actor', `${open.actor.fullName ?? ''} ${open.actor.did}`.trim()],
              ['Actor role', open.actor.role],
              ['Actor source', open.actor.source],
              ['IP', open.ip],
              ['Browser / OS', envText(open)],
              ['User agent', open.ua],
              ['Component DID', open.componentDid],
              ['Record id', <code key="id">{open.id}</code>],
              // Where it sits in the team's hash chain: what `opsledger verify` checks.
              ['Chain seq', String(open.seq)],
              [
                'Chain hash',
                <code key="hash" className="break-all">
                  {open.hash}
                </code>,
              ],
            ]}
          />
          <h3 className="mt-4 mb-2 text-sm font-semibold">As JSON</h3>
          <JsonBlock value={open} />
        </RecordDrawer>
      )}
    </>
  );
}
