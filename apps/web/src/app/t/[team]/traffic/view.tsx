'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';

import { AppFilter } from '../../../../components/app-filter';
import { DailyChart } from '../../../../components/charts';
import { ErrorMessage } from '../../../../components/error-message';
import { FilterBar, SelectFilter } from '../../../../components/filters';
import { exactNumber, humanBytes, humanNumber } from '../../../../components/format';
import { Loading, PageHeader, Panel } from '../../../../components/states';
import { useTRPC } from '../../../../trpc/react';
import { DAY_RANGES, totalsByDay, trafficDays, trafficFilter, trafficParams } from './search-params';

function Figure({ label, value, exact }: { label: string; value: string; exact: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-700 dark:bg-zinc-900">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{label}</p>
      <p className="text-2xl font-semibold tabular-nums" title={exact}>
        {value}
      </p>
    </div>
  );
}

/** Traffic: requests, unique visitors and bandwidth per UTC day over a range, per app or all. */
export function TrafficView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state] = useQueryStates(trafficParams);
  const filter = trafficFilter(state);
  const query = useQuery(trafficDays(trpc, queryClient, filter));
  const days = totalsByDay(query.data?.rows ?? [], filter);
  const sum = (key: 'requests' | 'failed' | 'visitors' | 'bandwidth') =>
    days.reduce((total, day) => total + day[key], 0);

  return (
    <>
      <PageHeader
        title="Traffic"
        description="Requests, unique visitors and bandwidth per day (UTC days), from the apps' access logs."
      />
      <FilterBar label="Filter traffic">
        <AppFilter />
        <SelectFilter
          name="days"
          label="Range"
          anyLabel={null}
          defaultValue="30"
          options={DAY_RANGES.map((n) => ({ value: String(n), label: `Last ${n} days` }))}
        />
      </FilterBar>
      {query.status === 'pending' && <Loading />}
      {query.status === 'error' && (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.status === 'success' && (
        <div className="space-y-4">
          {!query.data.complete && (
            <p role="status" className="text-sm text-amber-800 dark:text-amber-200">
              This range holds more app-days than one view reads; pick an app or a shorter range.
            </p>
          )}
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Figure
              label="Requests"
              value={humanNumber(sum('requests'))}
              exact={exactNumber(sum('requests'))}
            />
            <Figure
              label="Failed requests"
              value={humanNumber(sum('failed'))}
              exact={exactNumber(sum('failed'))}
            />
            <Figure
              label="Unique visitors (sum of days)"
              value={humanNumber(sum('visitors'))}
              exact={exactNumber(sum('visitors'))}
            />
            <Figure
              label="Bandwidth"
              value={humanBytes(sum('bandwidth'))}
              exact={`${exactNumber(sum('bandwidth'))} bytes`}
            />
          </div>
          <Panel title="Requests per day">
            <DailyChart
              label="Requests and failed requests per day"
              data={days.map((d) => ({ ...d, ok: d.requests - d.failed }))}
              stacked
              series={[
                { key: 'ok', label: 'Served', color: '#0ea5e9' },
                { key: 'failed', label: 'Failed', color: '#ef4444' },
              ]}
            />
          </Panel>
          <Panel title="Unique visitors per day">
            <DailyChart
              label="Unique visitors per day"
              kind="line"
              data={days}
              series={[{ key: 'visitors', label: 'Unique visitors', color: '#8b5cf6' }]}
            />
          </Panel>
          <Panel title="Bandwidth per day">
            <DailyChart
              label="Bandwidth per day"
              unit="bytes"
              data={days}
              series={[{ key: 'bandwidth', label: 'Bandwidth', color: '#10b981' }]}
            />
          </Panel>
        </div>
      )}
    </>
  );
}
