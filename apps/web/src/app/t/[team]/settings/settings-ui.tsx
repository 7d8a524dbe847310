'use client';

import { TRPCClientError } from '@trpc/client';
import { Check, Copy } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';

/** The roles of keys and members (the domain's ROLES, written out to keep zod off the page). */
export const ROLE_OPTIONS = ['owner', 'admin', 'member', 'viewer', 'service'] as const;

export const inputClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm focus:border-blue-600 focus:outline-2 focus:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900';
export const buttonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300';
export const quietButtonClass =
  'rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:text-red-300 dark:hover:bg-red-950';

/** Where a refused write went wrong: messages per form field, and the rest. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

/** A text field's value from a submitted form ('' when absent). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/**
 * The API names the field of every problem: zod's issues carry its path (`data.issues`), a
 * service's message starts with it (`role: a admin may not …`). Those of this form's fields are
 * shown at the field; anything else above the button.
 */
export function formErrorsOf(error: unknown, fields: readonly string[]): FormErrors {
  if (!(error instanceof TRPCClientError)) return { fields: {}, general: 'The request failed.' };
  const data = error.data as { issues?: { path: (string | number)[]; message: string }[] } | null;
  const result: Record<string, string> = {};
  for (const issue of data?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (fields.includes(field)) result[field] = issue.message;
  }
  if (Object.keys(result).length > 0) return { fields: result, general: null };
  const named = /^([\w.]+): (.*)$/s.exec(error.message);
  if (named?.[1] && named[2] && fields.includes(named[1])) {
    return { fields: { [named[1]]: named[2] }, general: null };
  }
  return { fields: {}, general: error.message };
}

/** A labelled control with its hint and error under it, tied by aria-describedby. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  /** What the value must be, shown while there is no error. */
  hint?: string;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => ReactNode;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className="min-w-0 flex-1">
      <label
        htmlFor={id}
        className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300"
      >
        {label}
      </label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && !error ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function GeneralError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
      {message}
    </p>
  ) : null;
}

export function RoleSelect(props: {
  id: string;
  name?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (role: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-label'?: string;
}) {
  const { onChange, ...rest } = props;
  return (
    <select
      {...rest}
      onChange={onChange ? (event) => onChange(event.target.value) : undefined}
      className={inputClass}
    >
      {ROLE_OPTIONS.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}

/** A section of the settings page: a heading, what it is for, its form and its list. */
export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      {children}
    </section>
  );
}

/** A secret (or a password) shown this once, with a button that copies it. */
export function ShownOnce({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
      <p className="font-medium">{label}</p>
      <div className="mt-1 flex items-center gap-2">
        <code className="min-w-0 flex-1 overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs break-all dark:bg-zinc-900">
          {value}
        </code>
        <button
          type="button"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
          className="rounded-md p-1.5 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-amber-900"
        >
          {copied ? (
            <Check aria-hidden className="size-4" />
          ) : (
            <Copy aria-hidden className="size-4" />
          )}
        </button>
      </div>
    </div>
  );
}

/** A time in the viewer's zone (after hydration; the server renders UTC), exact UTC on hover. */
export function Time({ iso }: { iso: string | null }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    if (iso) setLocal(new Date(iso).toLocaleString());
  }, [iso]);
  if (!iso) return <span className="text-zinc-500">never</span>;
  return (
    <time dateTime={iso} title={iso}>
      {local ?? iso.replace('T', ' ').slice(0, 16) + ' UTC'}
    </time>
  );
}

/** A plain table that scrolls sideways on a phone rather than squeezing its columns. */
export function Table({
  label,
  head,
  children,
  empty,
}: {
  /** Names the scrolling region (keyboard users focus it to scroll). */
  label: string;
  head: string[];
  children: ReactNode;
  empty: boolean;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      // Focusable: on a phone the table scrolls sideways, and the keyboard must reach it too.
      tabIndex={0}
      className="mt-4 overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {head.map((label) => (
              <th key={label} scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {empty ? (
            <tr>
              <td colSpan={head.length} className="px-2 py-4 text-zinc-500">
                None yet.
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}

export const cellClass = 'px-2 py-2 whitespace-nowrap';
