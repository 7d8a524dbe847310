import prettyBytes from 'pretty-bytes';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en');

/** 1234567 -> "1.2M": for figures read at a glance (the exact number goes in a title). */
export const humanNumber = (value: number) => compact.format(value);

/** 1234567 -> "1,234,567". */
export const exactNumber = (value: number) => whole.format(value);

/** 1234567 -> "1.23 MB" (decimal units, as disks and network figures are quoted). */
export const humanBytes = (value: number) => prettyBytes(value);

/** Milliseconds as a person reads a duration: "850 ms", "12.4 s", "3 min 5 s", "2 h 4 min". */
export function humanDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes < 60) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Joins class names, leaving out the false and empty ones. */
export const cx = (...names: (string | false | null | undefined)[]) =>
  names.filter(Boolean).join(' ');
