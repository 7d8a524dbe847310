'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useQueryStates } from 'nuqs';
import { useMemo, useState } from 'react';

import type { PlatformEvent } from '@opsledger/domain';

import { createColumnHelper } from '../../../../components/columns';
import { DataTable } from '../../../../components/data-table';
import { ExportMenu } from '../../../../components/export/export-menu';
import { FilterBar, SelectFilter } from '../../../../components/filters';
import { FRESH_ROW_CLASS, LiveTailStatus } from '../../../../components/live-tail/live-tail-status';
import { useLiveRows } from '../../../../components/live-tail/use-live-rows';
import { FieldList, JsonBlock, RecordDrawer } from '../../../../components/record-drawer';
import { PageHeader } from '../../../../components/states';
import { StatusBadge, type Tone } from '../../../../components/status-badge';
import { Time } from '../../../../components/time';
import { useTRPC } from '../../../../trpc/react';
import { eventInput, eventParams, LAST_N } from './search-params';

const statusTone = (code: number): Tone => (code >= 500 ? 'bad' : code >= 400 ? 'warn' : 'good');

const rowKey = (event: PlatformEvent) => event.eventId;
const seqOf = (event: PlatformEvent) => event.seq;

const column = createColumnHelper<PlatformEvent>();
const columns = [
  column.accessor('eventTime', {
    header: 'Time',
    cell: (info) => <Time value={info.getValue()} className="whitespace-nowrap" />,
  }),
  column.accessor('module', { header: 'Module' }),
  column.accessor('name', { header: 'Event', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor('statusCode', {
    header: 'Status',
    cell: (info) => {
      const code = info.getValue();
      return code === null ? '—' : <StatusBadge status={String(code)} tone={statusTone(code)} />;
    },
  }),
  column.accessor((event) => event.errorMessage ?? event.detail?.url ?? '', {
    id: 'detail',
    header: 'Detail',
    cell: (info) => <span className="line-clamp-2 break-all">{info.getValue() || '—'}</span>,
  }),
  column.accessor((event) => event.requesterIP ?? '—', { id: 'ip', header: 'IP' }),
];

/** Events: the platform's user (request) and system events, newest first, the last N. */
export function EventsView() {
  const trpc = useTRPC();
  const [state] = useQueryStates(eventParams);
  const input = eventInput(state);
  const query = useInfiniteQuery(
    trpc.events.scroll.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const listed = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const live = useLiveRows(listed, rowKey, seqOf, state.type);
  const tail = useSubscription(
    trpc.events.tail.subscriptionOptions(
      { type: state.type, afterSeq: live.afterSeq },
      { enabled: query.status === 'success' && !live.paused, onData: live.add },
    ),
  );
  const rows = live.rows;
  const [open, setOpen] = useState<PlatformEvent | null>(null);

  return (
    <>
      <PageHeader
        title="Events"
        description="Requests people made (user events) and what the platform did (system events); newest first."
        actions={
          <>
            <LiveTailStatus
              status={tail.status}
              paused={live.paused}
              onPausedChange={live.setPaused}
            />
            {/* Each type is a stream of its own: the export is of the kind shown. */}
            <ExportMenu stream={state.type} filter={{}} />
          </>
        }
      />
      <FilterBar label="Filter events">
        <SelectFilter
          name="type"
          label="Kind"
          anyLabel={null}
          defaultValue="user"
          options={[
            { value: 'user', label: 'User events' },
            { value: 'system', label: 'System events' },
          ]}
        />
        <SelectFilter
          name="n"
          label="Show the last"
          anyLabel={null}
          defaultValue="50"
          options={LAST_N.map((n) => ({ value: String(n), label: `${n} events` }))}
        />
      </FilterBar>
      <DataTable
        caption={`${state.type === 'user' ? 'User' : 'System'} events`}
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        rowClassName={(event) => (live.isFresh(event) ? FRESH_ROW_CLASS : undefined)}
        onOpen={setOpen}
        query={query}
        empty={`No ${state.type} event yet.`}
      />
      {open && (
        <RecordDrawer
          open
          onOpenChange={(next) => !next && setOpen(null)}
          title={`${open.module}: ${open.name}`}
          description={`${open.type === 'user' ? 'User' : 'System'} event #${open.seq}`}
        >
          <FieldList
            fields={[
              ['Time', <Time key="t" value={open.eventTime} />],
              ['Module', open.module],
              ['Event', open.name],
              ['Status code', open.statusCode === null ? null : String(open.statusCode)],
              ['Error code', open.errorCode],
              ['Error message', open.errorMessage],
              ['Request id', open.requestId],
              ['Requester IP', open.requesterIP],
              ['Instance', open.instanceId],
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
          {open.detail && (
            <>
              <h3 className="mt-4 mb-2 text-sm font-semibold">Detail</h3>
              <JsonBlock value={open.detail} />
            </>
          )}
        </RecordDrawer>
      )}
    </>
  );
}
