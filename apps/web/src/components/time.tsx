'use client';

import { useSyncExternalStore } from 'react';

const noop = () => () => {};

/**
 * Whether this render runs in the browser after hydration. The server does not know the
 * viewer's time zone, so it renders UTC; the browser re-renders in the viewer's zone.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

const localFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const utcFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

/** An instant in the viewer's time zone; hovering (or focusing) shows the exact UTC time. */
export function Time({ value, className }: { value: string; className?: string }) {
  const hydrated = useHydrated();
  const date = new Date(value);
  const text = hydrated ? localFormat.format(date) : `${utcFormat.format(date)} UTC`;
  return (
    <time dateTime={value} title={`${date.toISOString()} (UTC)`} className={className}>
      {text}
    </time>
  );
}

/** The viewer's IANA time zone ("UTC" on the server). */
export function viewerTimeZone(): string {
  return typeof window === 'undefined'
    ? 'UTC'
    : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
