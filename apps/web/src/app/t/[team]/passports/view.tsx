'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useState } from 'react';

import type { PassportLog } from '@opsledger/domain';

import { createColumnHelper } from '../../../../components/columns';
import { DataTable } from '../../../../components/data-table';
import { FilterBar, SearchFilter } from '../../../../components/filters';
import { FieldList, JsonBlock, RecordDrawer } from '../../../../components/record-drawer';
import { PageHeader, Panel } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { Time } from '../../../../components/time';
import { useTRPC } from '../../../../trpc/react';
import { passportInput, passportParams } from './search-params';

const column = createColumnHelper<PassportLog>();

/** One passport's life at a glance: when it was issued and revoked, how often it was used. */
function PassportGlance({ logs, complete }: { logs: PassportLog[]; complete: boolean }) {
  const first = (action: string) => logs.findLast((log) => log.action === action);
  const issued = first('issued');
  const revoked = logs.find((log) => log.action === 'revoked');
  const uses = logs.filter((log) => log.action === 'used');
  const state = revoked ? 'revoked' : issued ? 'issued' : 'unknown';
  return (
    <Panel title={`Passport ${logs[0]?.passportId ?? ''}`}>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">State</dt>
          <dd>
            <StatusBadge status={state} />
          </dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Issued</dt>
          <dd>{issued ? <Time value={issued.createdAt} /> : '—'}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Revoked</dt>
          <dd>{revoked ? <Time value={revoked.createdAt} /> : 'not revoked'}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">
            Used{complete ? '' : ' (in the entries loaded)'}
          </dt>
          <dd>
            {uses.length} {uses.length === 1 ? 'time' : 'times'}
            {uses[0] && (
              <>
                , last <Time value={uses[0].createdAt} />
              </>
            )}
          </dd>
        </div>
      </dl>
    </Panel>
  );
}

/** Passports: every passport's log, newest first; pick a passport to see its life at a glance. */
export function PassportsView() {
  const trpc = useTRPC();
  const [state, setState] = useQueryStates(passportParams, { history: 'push' });
  const query = useInfiniteQuery(
    trpc.passportLogs.scroll.infiniteQueryOptions(passportInput(state), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const [open, setOpen] = useState<PassportLog | null>(null);

  const columns = [
    column.accessor('createdAt', {
      header: 'Time',
      cell: (info) => <Time value={info.getValue()} className="whitespace-nowrap" />,
    }),
    column.accessor('action', {
      header: 'Action',
      cell: (info) => <StatusBadge status={info.getValue()} />,
    }),
    column.accessor('passportId', {
      header: 'Passport',
      cell: (info) => (
        <button
          type="button"
          className="font-mono text-xs text-sky-700 underline hover:text-sky-900 dark:text-sky-400"
          title="Show only this passport's log"
          onClick={(event) => {
            event.stopPropagation();
            void setState({ passport: info.getValue() });
          }}
        >
          {info.getValue()}
        </button>
      ),
    }),
    column.accessor((log) => log.operatorDid ?? '—', {
      id: 'operator',
      header: 'Operator',
      cell: (info) => <span className="block max-w-48 truncate">{info.getValue()}</span>,
    }),
    column.accessor((log) => log.operatorIp ?? '—', { id: 'ip', header: 'IP' }),
  ];

  return (
    <>
      <PageHeader
        title="Passports"
        description="Passports issued, used and revoked; newest first."
      />
      <FilterBar label="Filter passport logs">
        <SearchFilter name="passport" label="Passport ID" placeholder="e.g. pp-…" />
      </FilterBar>
      {state.passport && rows.length > 0 && (
        <div className="mb-4">
          <PassportGlance logs={rows} complete={!query.hasNextPage} />
        </div>
      )}
      <DataTable
        caption="Passport logs"
        columns={columns}
        rows={rows}
        rowKey={(log) => log.eventId}
        onOpen={setOpen}
        query={query}
        empty="No passport log matches this filter."
      />
      {open && (
        <RecordDrawer
          open
          onOpenChange={(next) => !next && setOpen(null)}
          title={`Passport ${open.passportId}: ${open.action}`}
          description={`Passport log #${open.id}`}
        >
          <FieldList
            fields={[
              ['Time', <Time key="t" value={open.createdAt} />],
              ['Action', <StatusBadge key="a" status={open.action} />],
              ['Passport', open.passportId],
              ['Operator DID', open.operatorDid],
              ['Operator IP', open.operatorIp],
              ['Operator user agent', open.operatorUa],
            ]}
          />
          <h3 className="mt-4 mb-2 text-sm font-semibold">Metadata</h3>
          <JsonBlock value={open.metadata} />
        </RecordDrawer>
      )}
    </>
  );
}
