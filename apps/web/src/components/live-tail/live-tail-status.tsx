'use client';

import { Pause, Play, Radio, RefreshCw } from 'lucide-react';

/** The subscription's state as `useSubscription` reports it. */
export type TailStatus = 'idle' | 'connecting' | 'pending' | 'error';

const STATES = {
  live: {
    label: 'Live',
    tone: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  },
  reconnecting: {
    label: 'Reconnecting…',
    tone: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  },
  paused: {
    label: 'Paused',
    tone: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200',
  },
} as const;

/**
 * Whether new records are arriving: "Live", "Reconnecting…" (the link retries by itself and
 * resumes after the last record it received) or "Paused", and the button that pauses the tail.
 */
export function LiveTailStatus({
  status,
  paused,
  onPausedChange,
}: {
  status: TailStatus;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
}) {
  const state = paused ? STATES.paused : status === 'pending' ? STATES.live : STATES.reconnecting;
  const Icon = paused ? Pause : status === 'pending' ? Radio : RefreshCw;
  return (
    <div className="flex items-center gap-2">
      <span
        role="status"
        aria-live="polite"
        data-live-status={paused ? 'paused' : status === 'pending' ? 'live' : 'reconnecting'}
        className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ${state.tone}`}
      >
        <Icon aria-hidden className="size-3.5" />
        {state.label}
      </span>
      <button
        type="button"
        onClick={() => onPausedChange(!paused)}
        aria-pressed={paused}
        className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:hover:bg-zinc-800"
      >
        {paused ? (
          <Play aria-hidden className="size-4" />
        ) : (
          <Pause aria-hidden className="size-4" />
        )}
        {paused ? 'Resume live tail' : 'Pause live tail'}
      </button>
    </div>
  );
}

/** The class of a row that arrived moments ago. */
export const FRESH_ROW_CLASS = 'bg-amber-50 transition-colors duration-1000 dark:bg-amber-900/30';
