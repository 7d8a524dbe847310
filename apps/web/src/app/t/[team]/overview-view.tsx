'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import type { ReactNode } from 'react';

import { ErrorMessage } from '../../../components/error-message';
import { exactNumber, humanBytes, humanNumber } from '../../../components/format';
import { EmptyState, Loading, PageHeader, Panel } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { Time } from '../../../components/time';
import { useTRPC } from '../../../trpc/react';
import { overviewQueries } from './overview';

function Block<T>({
  query,
  empty,
  children,
}: {
  query: {
    status: 'pending' | 'error' | 'success';
    data?: T;
    error: { message: string } | null;
    refetch: () => unknown;
  };
  empty: (data: T) => string | null;
  children: (data: T) => ReactNode;
}) {
  if (query.status === 'pending') return <Loading />;
  if (query.status === 'error' && query.error)
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  const none = empty(data);
  return none ? <EmptyState>{none}</EmptyState> : <>{children(data)}</>;
}

const itemClass =
  'flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 py-2 text-sm last:border-0 dark:border-zinc-800';

/** Overview: what needs attention (failed syncs and backups), today's traffic, latest events. */
export function OverviewView() {
  const trpc = useTRPC();
  const { team } = useParams<{ team: string }>();
  const queries = overviewQueries(trpc);
  const failedSyncs = useQuery(queries.failedSyncs);
  const backups = useQuery(queries.recentBackups);
  const traffic = useQuery(queries.todayTraffic);
  const userEvents = useQuery(queries.userEvents);
  const systemEvents = useQuery(queries.systemEvents);
  const apps = useQuery(queries.apps);
  const appName = (did: string) => apps.data?.find((app) => app.did === did)?.name ?? did;
  const link = (path: string, label: string) => (
    <Link href={`/t/${team}/${path}`} className="text-sm text-sky-700 underline dark:text-sky-400">
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader title="Overview" description="What needs attention, at a glance." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Failed syncs">
          <Block query={failedSyncs} empty={(page) => (page.items.length ? null : 'No sync has failed.')}>
            {(page) => (
              <>
                <p className="mb-2 text-sm text-red-800 dark:text-red-300">
                  {exactNumber(page.paging.total)} failed sync {page.paging.total === 1 ? 'run' : 'runs'} in all
                </p>
                <ul>
                  {page.items.map((run) => (
                    <li key={run.id} className={itemClass}>
                      <span>
                        {run.appName} · <code className="text-xs">{run.actionType}</code>
                        {run.reason && (
                          <span className="block text-xs text-zinc-600 dark:text-zinc-400">{run.reason}</span>
                        )}
                      </span>
                      <Time value={run.createdAt} className="text-xs" />
                    </li>
                  ))}
                </ul>
                {link('syncs?status=failed', 'All failed syncs')}
              </>
            )}
          </Block>
        </Panel>
        <Panel title="Backups, last 7 days">
          <Block query={backups} empty={(page) => (page.items.length ? null : 'No backup in the last 7 days.')}>
            {(page) => {
              const failed = page.items.filter((backup) => backup.status === 'failed');
              const succeeded = page.items.filter((backup) => backup.status === 'succeeded').length;
              return (
                <>
                  <p className="mb-2 text-sm">
                    <StatusBadge status={`${succeeded} succeeded`} tone="good" />{' '}
                    <StatusBadge status={`${failed.length} failed`} tone={failed.length ? 'bad' : 'neutral'} />
                  </p>
                  <ul>
                    {failed.slice(0, 5).map((backup) => (
                      <li key={backup.id} className={itemClass}>
                        <span>
                          {appName(backup.appDid)} → {backup.targetName ?? backup.target}
                          {backup.message && (
                            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{backup.message}</span>
                          )}
                        </span>
                        <Time value={backup.createdAt} className="text-xs" />
                      </li>
                    ))}
                  </ul>
                  {link('backups?range=7d', 'Backups of the last 7 days')}
                </>
              );
            }}
          </Block>
        </Panel>
        <Panel title="Today's traffic (UTC)">
          <Block query={traffic} empty={() => null}>
            {(page) => {
              const sum = (pick: (row: (typeof page.list)[number]) => number) =>
                page.list.reduce((total, row) => total + pick(row), 0);
              const figures: [string, string, string][] = [
                ['Requests', humanNumber(sum((r) => r.totalRequests)), exactNumber(sum((r) => r.totalRequests))],
                ['Failed', humanNumber(sum((r) => r.failedRequests)), exactNumber(sum((r) => r.failedRequests))],
                ['Unique visitors', humanNumber(sum((r) => r.uniqueVisitors)), exactNumber(sum((r) => r.uniqueVisitors))],
                ['Bandwidth', humanBytes(sum((r) => r.bandwidth)), `${exactNumber(sum((r) => r.bandwidth))} bytes`],
              ];
              return (
                <>
                  <dl className="mb-2 grid grid-cols-2 gap-3">
                    {figures.map(([label, value, exact]) => (
                      <div key={label}>
                        <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
                        <dd className="text-xl font-semibold tabular-nums" title={exact}>
                          {value}
                        </dd>
                      </div>
                    ))}
                  </dl>
                  {link('traffic?days=7', 'Traffic of the last 7 days')}
                </>
              );
            }}
          </Block>
        </Panel>
        <Panel title="Latest events">
          <Block
            query={userEvents.status === 'success' ? systemEvents : userEvents}
            empty={() =>
              (userEvents.data?.items.length ?? 0) + (systemEvents.data?.items.length ?? 0)
                ? null
                : 'No event yet.'
            }
          >
            {() => (
              <>
                <ul>
                  {[...(userEvents.data?.items ?? []), ...(systemEvents.data?.items ?? [])]
                    .sort((a, b) => b.eventTime.localeCompare(a.eventTime))
                    .slice(0, 8)
                    .map((event) => (
                      <li key={event.eventId} className={itemClass}>
                        <span>
                          <StatusBadge status={event.type} tone={event.type === 'system' ? 'neutral' : 'busy'} />{' '}
                          {event.module}: <code className="text-xs">{event.name}</code>
                        </span>
                        <Time value={event.eventTime} className="text-xs" />
                      </li>
                    ))}
                </ul>
                {link('events', 'All events')}
              </>
            )}
          </Block>
        </Panel>
      </div>
    </>
  );
}
