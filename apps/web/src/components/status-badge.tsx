import { cx } from './format';

const TONES = {
  good: 'bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200',
  bad: 'bg-red-100 text-red-900 ring-red-600/30 dark:bg-red-950 dark:text-red-200',
  busy: 'bg-sky-100 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200',
  neutral: 'bg-zinc-100 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200',
  warn: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200',
} as const;
export type Tone = keyof typeof TONES;

/** The tone a run status or passport action reads as; anything unknown is neutral. */
const TONE_OF: Record<string, Tone> = {
  succeeded: 'good',
  issued: 'good',
  approved: 'good',
  renewed: 'good',
  failed: 'bad',
  revoked: 'bad',
  running: 'busy',
  pending: 'busy',
  used: 'busy',
  canceled: 'warn',
  expired: 'warn',
};

export function StatusBadge({ status, tone }: { status: string; tone?: Tone }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        TONES[tone ?? TONE_OF[status] ?? 'neutral'],
      )}
    >
      {status}
    </span>
  );
}
