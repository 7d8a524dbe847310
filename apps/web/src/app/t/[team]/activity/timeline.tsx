'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Flag, FlagTriangleRight, Pencil } from 'lucide-react';

import type { Activity } from '@opsledger/domain';

import { ErrorMessage } from '../../../../components/error-message';
import { RecordDrawer } from '../../../../components/record-drawer';
import { EmptyState, Loading } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { Time } from '../../../../components/time';
import { useTRPC } from '../../../../trpc/react';
import { activityFeed, timelineInput } from './search-params';

function Marker({ entry }: { entry: Activity }) {
  const Icon = entry.endpoint ? FlagTriangleRight : entry.keypoint ? Flag : Pencil;
  return (
    <span
      className={
        'absolute -left-3 flex h-6 w-6 items-center justify-center rounded-full ring-4 ring-white dark:ring-zinc-900 ' +
        (entry.endpoint
          ? 'bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900'
          : entry.keypoint
            ? 'bg-sky-600 text-white'
            : 'bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200')
      }
    >
      <Icon size={12} aria-hidden />
    </span>
  );
}

/**
 * A resource's history by sequenceKey, oldest first: keypoints (saved milestones) and the
 * endpoint (the sequence's end) stand out; each entry lists the fields it changed.
 */
export function Timeline({
  sequenceKey,
  onClose,
}: {
  sequenceKey: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(activityFeed(trpc, queryClient, timelineInput(sequenceKey)));
  const entries = query.data?.pages.flatMap((page) => page.edges.map((edge) => edge.node)) ?? [];
  const title = entries[0]?.resourceTitle ?? sequenceKey;

  return (
    <RecordDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Timeline: ${title}`}
      description={`Every change with sequence key ${sequenceKey}, oldest first`}
    >
      {query.status === 'pending' && <Loading />}
      {query.status === 'error' && (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.status === 'success' && entries.length === 0 && (
        <EmptyState>No activity has this sequence key.</EmptyState>
      )}
      <ol className="relative ml-3 border-l border-zinc-300 dark:border-zinc-700">
        {entries.map((entry, index) => (
          <li key={entry.id} className="mb-5 ml-6">
            <Marker entry={entry} />
            <div className="flex flex-wrap items-center gap-2">
              <Time value={entry.createdAt} className="text-sm font-medium" />
              {index === 0 && <StatusBadge status="started" tone="neutral" />}
              {entry.keypoint && <StatusBadge status="keypoint" tone="busy" />}
              {entry.endpoint && <StatusBadge status="endpoint" tone="good" />}
            </div>
            <p className="mt-1 text-sm">
              {entry.resourceTitle}{' '}
              <span className="text-zinc-500 dark:text-zinc-400">({entry.resourceType})</span>
            </p>
            {entry.auditLogSession?.authenticatedEntityName && (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                by {entry.auditLogSession.authenticatedEntityName}
              </p>
            )}
            {entry.changedFields.length > 0 ? (
              <ul className="mt-1 flex flex-wrap gap-1" aria-label="Changed fields">
                {entry.changedFields.map((field) => (
                  <li
                    key={field}
                    className="rounded bg-amber-100 px-1.5 py-0.5 font-mono text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
                  >
                    {field}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">No field changed</p>
            )}
          </li>
        ))}
      </ol>
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
    </RecordDrawer>
  );
}
