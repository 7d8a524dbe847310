'use client';

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';

import { ErrorMessage } from './error-message';
import { EmptyState, Loading } from './states';

/** The parts of a TanStack `useInfiniteQuery` result the table reads. */
export interface InfiniteState {
  status: 'pending' | 'error' | 'success';
  error: { message: string; data?: { code?: string } | null } | null;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * A list of records, keyset-paged: the first page comes prefetched from the server, "Load more"
 * asks for the next one with the last page's cursor (never an offset, so page 1,000 costs what
 * page 1 does). A row opens its record with a click, Enter or Space.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  onOpen,
  query,
  empty,
  rowClassName,
}: {
  caption: string;
  // TanStack's column helper types each accessor's value; a table holds mixed ones.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  rows: T[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  query: InfiniteState;
  empty: ReactNode;
  /** Extra classes for a row (the live tail highlights rows that just arrived). */
  rowClassName?: (row: T) => string | undefined;
}) {
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowKey,
    // The list pages with "Load more", never with TanStack's pagination. Left on, every new
    // `rows` array (each render of a live list) queued a page-index reset, a state update that
    // rendered again: the page froze (the browser tests' time-outs after the first reload).
    autoResetPageIndex: false,
    manualPagination: true,
  });

  if (query.status === 'pending') return <Loading />;
  if (query.status === 'error' && rows.length === 0 && query.error)
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-700">
        {/* On a phone each row becomes a card: label and value side by side. */}
        <table className="w-full text-left text-sm max-sm:block">
          <caption className="sr-only">{caption}</caption>
          <thead className="max-sm:sr-only bg-zinc-50 text-xs text-zinc-600 uppercase dark:bg-zinc-800 dark:text-zinc-300">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    className="px-3 py-2 font-medium whitespace-nowrap"
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="max-sm:block divide-y divide-zinc-200 dark:divide-zinc-700">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                tabIndex={onOpen ? 0 : undefined}
                onClick={onOpen ? () => onOpen(row.original) : undefined}
                onKeyDown={
                  onOpen
                    ? (event) => {
                        if (event.key === 'Enter' || event.key === ' ') {
                          event.preventDefault();
                          onOpen(row.original);
                        }
                      }
                    : undefined
                }
                className={
                  'max-sm:block max-sm:py-2 ' +
                  (onOpen
                    ? 'cursor-pointer hover:bg-zinc-50 focus-visible:bg-sky-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 dark:hover:bg-zinc-800 dark:focus-visible:bg-sky-950'
                    : '') +
                  (rowClassName?.(row.original) ? ` ${rowClassName(row.original)}` : '')
                }
                data-fresh={rowClassName?.(row.original) ? '' : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className="px-3 py-2 align-top max-sm:flex max-sm:gap-3 max-sm:py-0.5"
                  >
                    {typeof cell.column.columnDef.header === 'string' && (
                      <span
                        aria-hidden
                        className="w-24 shrink-0 text-xs text-zinc-500 uppercase sm:hidden dark:text-zinc-400"
                      >
                        {cell.column.columnDef.header}
                      </span>
                    )}
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <EmptyState>{empty}</EmptyState>}
      </div>
      {query.status === 'error' && query.error && rows.length > 0 && (
        <ErrorMessage error={query.error} onRetry={() => void query.fetchNextPage()} />
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
