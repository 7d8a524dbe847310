import { cx } from './format';

/** A 0-100 progress bar, announced to screen readers with its value. */
export function ProgressBar({
  value,
  label,
  failed = false,
}: {
  value: number;
  label: string;
  failed?: boolean;
}) {
  const clamped = Math.min(100, Math.max(0, value));
  return (
    <div className="flex min-w-24 items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
      >
        <div
          className={cx('h-full rounded-full', failed ? 'bg-red-500' : 'bg-emerald-500')}
          style={{ width: `${clamped}%` }}
        />
      </div>
      <span className="w-9 text-right text-xs text-zinc-600 tabular-nums dark:text-zinc-300">
        {clamped}%
      </span>
    </div>
  );
}
