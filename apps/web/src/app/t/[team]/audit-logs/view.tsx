'use client';

import type { AuditLog } from '@opsledger/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import { useState } from 'react';

import { DataTable } from '../../../../components/data-table';
import { FilterBar, SearchFilter, TimeRangeFilter } from '../../../../components/filters';
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
  column.accessor('action', { header: 'Action', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor('content', {
    header: 'Content',
    cell: (info) => <span className="line-clamp-2 sm:min-w-48">{info.getValue()}</span>,
  }),
  column.accessor('createdAt', {
    header: 'Time',
    cell: (info) => <Time value={info.getValue()} className="whitespace-nowrap" />,
  }),
  column.accessor('ip', { header: 'IP', cell: (info) => info.getValue() ?? '—' }),
  column.accessor(envText, { id: 'env', header: 'Browser / OS' }),
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
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const [open, setOpen] = useState<AuditLog | null>(null);

  return (
    <>
      <PageHeader
        title="Audit logs"
        description="Who did what, when and from where; newest first."
        // portal-live mounts its live tail and CSV/NDJSON export here, given `input`.
        actions={null}
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
        rowKey={(log) => log.id}
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
            ]}
          />
          <h3 className="mt-4 mb-2 text-sm font-semibold">As JSON</h3>
          <JsonBlock value={open} />
        </RecordDrawer>
      )}
    </>
  );
}
