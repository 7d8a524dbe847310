'use client';

import dynamic from 'next/dynamic';

import { Loading } from './states';

export type { DailyChartProps, Series } from './daily-chart.impl';

/** The per-day chart, fetched only in the browser and only by pages that draw one. */
export const DailyChart = dynamic(() => import('./daily-chart.impl'), {
  ssr: false,
  loading: () => (
    <div className="h-64">
      <Loading label="Drawing the chart…" />
    </div>
  ),
});
