'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

/**
 * A record's full detail in a panel that slides over the page's right side (the whole width on
 * a phone). Radix gives it focus trapping, Escape to close and the dialog's accessible name.
 */
export function RecordDrawer({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex w-full max-w-xl flex-col bg-white shadow-xl outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <div className="flex items-start justify-between gap-4 border-b border-zinc-200 p-4 dark:border-zinc-700">
            <div className="min-w-0">
              <Dialog.Title className="truncate text-lg font-semibold">{title}</Dialog.Title>
              <Dialog.Description className="text-sm text-zinc-600 dark:text-zinc-400">
                {description ?? 'The full record'}
              </Dialog.Description>
            </div>
            <Dialog.Close
              className="rounded p-1 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
              aria-label="Close"
            >
              <X size={20} aria-hidden />
            </Dialog.Close>
          </div>
          <div className="flex-1 overflow-y-auto p-4">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Label/value rows for a record; values may be any node (a <Time>, a badge, code). */
export function FieldList({ fields }: { fields: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
      {fields.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A JSON value shown as indented text. */
export function JsonBlock({ value }: { value: unknown }) {
  return (
    <pre className="overflow-x-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-800">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
