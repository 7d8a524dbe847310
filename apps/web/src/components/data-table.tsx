'use client';

import type { ReactNode } from 'react';

import type { Column } from './columns';
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
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  query: InfiniteState;
  empty: ReactNode;
  /** Extra classes for a row (the live tail highlights rows that just arrived). */
  rowClassName?: (row: T) => string | undefined;
}) {
  if (query.status === 'pending') return <Loading />;
  if (query.status === 'error' && rows.length === 0 && query.error)
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-700">
        {/* On a phone each row becomes a card (globals.css: data-row, data-cell). */}
        <table className="w-full text-left text-sm max-sm:block">
          <caption className="sr-only">{caption}</caption>
          <thead className="max-sm:sr-only bg-zinc-50 text-xs text-zinc-600 uppercase dark:bg-zinc-800 dark:text-zinc-300">
            <tr>
              {columns.map((column) => (
                <th key={column.id} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="max-sm:block divide-y divide-zinc-200 dark:divide-zinc-700">
            {rows.map((row) => (
              <tr
                key={rowKey(row)}
                tabIndex={onOpen ? 0 : undefined}
                onClick={onOpen ? () => onOpen(row) : undefined}
                onKeyDown={
                  onOpen
                    ? (event) => {
                        if (event.key === 'Enter' || event.key === ' ') {
                          event.preventDefault();
                          onOpen(row);
                        }
                      }
                    : undefined
                }
                className={
                  'data-row' +
                  (onOpen ? ' data-row-opens' : '') +
                  (rowClassName?.(row) ? ` ${rowClassName(row)}` : '')
                }
                data-fresh={rowClassName?.(row) ? '' : undefined}
              >
                {columns.map((column) => (
                  <td key={column.id} className="data-cell">
                    <span aria-hidden className="data-cell-label">
                      {column.header}
                    </span>
                    {column.cell(row)}
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
