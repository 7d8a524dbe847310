'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';

/**
 * The record drawer (Radix Dialog) is fetched when a record is first opened, so a list page's
 * first load does not carry it.
 */
export const RecordDrawer = dynamic(() => import('./drawer.impl'));

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
