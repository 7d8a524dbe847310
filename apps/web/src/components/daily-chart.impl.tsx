'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { exactNumber, humanBytes, humanNumber } from './format';

export interface Series {
  key: string;
  label: string;
  /** A CSS colour; the palette reads on light and dark backgrounds alike. */
  color: string;
}

export interface DailyChartProps {
  /** One object a day: `date` and a number per series key. */
  data: { date: string }[];
  series: Series[];
  kind?: 'bar' | 'line';
  unit?: 'count' | 'bytes';
  stacked?: boolean;
  /** The chart's accessible name (it is drawn, so it also gets a text summary). */
  label: string;
}

/**
 * A per-day chart (Recharts). It is loaded in a client-only chunk (see charts.tsx), so pages
 * without a chart, and a page's first paint, do not carry Recharts.
 */
export default function DailyChartImpl({
  data,
  series,
  kind = 'bar',
  unit = 'count',
  stacked = false,
  label,
}: DailyChartProps) {
  const short = unit === 'bytes' ? humanBytes : humanNumber;
  const exact = unit === 'bytes' ? humanBytes : exactNumber;
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
      <XAxis dataKey="date" tick={{ fontSize: 11, fill: 'currentColor' }} minTickGap={16} />
      <YAxis
        tickFormatter={(value: number) => short(value)}
        tick={{ fontSize: 11, fill: 'currentColor' }}
        width={56}
      />
      <Tooltip
        formatter={(value) => exact(Number(value))}
        contentStyle={{ background: 'var(--chart-tooltip-bg)', borderColor: 'var(--chart-grid)' }}
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <figure role="img" aria-label={label} className="h-64 w-full text-zinc-600 dark:text-zinc-300">
      <ResponsiveContainer width="100%" height="100%">
        {kind === 'bar' ? (
          <BarChart data={data}>
            {axes}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={stacked ? 'all' : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart data={data}>
            {axes}
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
