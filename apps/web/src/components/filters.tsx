'use client';

import { debounce, parseAsString, useQueryState, useQueryStates } from 'nuqs';
import { useId, type ReactNode } from 'react';

import { RANGE_LABELS, RANGE_PRESETS, timeRangeParsers } from './time-range';

/**
 * Filter controls whose state lives in the URL (nuqs): a filtered view is a link to share, and
 * the back button undoes a filter change. Each control names its query-string key; the page's
 * server component reads the same keys with the same parsers to prefetch the first page.
 */

const fieldClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-600 dark:bg-zinc-900';

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 flex-1 basis-40">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A row of filters that wraps onto more lines on a narrow screen. */
export function FilterBar({ children, label }: { children: ReactNode; label: string }) {
  return (
    <form
      role="search"
      aria-label={label}
      onSubmit={(event) => event.preventDefault()}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {children}
    </form>
  );
}

/** Free text; the URL follows the typing after a short pause, and each pause is one history step. */
export function SearchFilter({
  name,
  label,
  placeholder,
}: {
  name: string;
  label: string;
  placeholder?: string;
}) {
  const id = useId();
  const [value, setValue] = useQueryState(
    name,
    parseAsString.withDefault('').withOptions({ history: 'push' }),
  );
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="search"
        className={fieldClass}
        placeholder={placeholder}
        value={value}
        onChange={(event) =>
          void setValue(event.target.value || null, {
            limitUrlUpdates: event.target.value ? debounce(350) : undefined,
          })
        }
      />
    </Field>
  );
}

/**
 * One of a fixed list. With `anyLabel` the first option ("Any") clears the filter; without it,
 * `defaultValue` is what an absent key means (and choosing it clears the key).
 */
export function SelectFilter({
  name,
  label,
  options,
  anyLabel = 'Any',
  defaultValue = '',
}: {
  name: string;
  label: string;
  options: readonly (string | { value: string; label: string })[];
  anyLabel?: string | null;
  defaultValue?: string;
}) {
  const id = useId();
  const [value, setValue] = useQueryState(
    name,
    parseAsString
      .withDefault(defaultValue)
      .withOptions({ history: 'push', clearOnDefault: true }),
  );
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className={fieldClass}
        value={value}
        onChange={(event) => void setValue(event.target.value || null)}
      >
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {options.map((option) => {
          const { value: v, label: l } =
            typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </Field>
  );
}

/** `datetime-local` works in the viewer's zone; the URL keeps the exact instant in UTC. */
const toLocalInput = (date: Date | null) => {
  if (!date) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

/** A preset ("Last 7 days") or a custom from/to in the viewer's time zone. */
export function TimeRangeFilter({
  defaultPreset = 'all',
  presets = RANGE_PRESETS,
}: {
  defaultPreset?: (typeof RANGE_PRESETS)[number];
  presets?: readonly (typeof RANGE_PRESETS)[number][];
}) {
  const id = useId();
  const [state, setState] = useQueryStates(timeRangeParsers(defaultPreset), { history: 'push' });
  return (
    <>
      <Field id={`${id}-range`} label="Time range">
        <select
          id={`${id}-range`}
          className={fieldClass}
          value={state.range}
          onChange={(event) => {
            const range = event.target.value as (typeof RANGE_PRESETS)[number];
            void setState(
              range === 'custom'
                ? { range, from: state.from ?? new Date(Date.now() - 86_400_000), to: null }
                : { range, from: null, to: null },
            );
          }}
        >
          {presets.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_LABELS[preset]}
            </option>
          ))}
        </select>
      </Field>
      {state.range === 'custom' && (
        <>
          <Field id={`${id}-from`} label="From">
            <input
              id={`${id}-from`}
              type="datetime-local"
              className={fieldClass}
              value={toLocalInput(state.from)}
              onChange={(event) =>
                void setState({ from: event.target.value ? new Date(event.target.value) : null })
              }
            />
          </Field>
          <Field id={`${id}-to`} label="To">
            <input
              id={`${id}-to`}
              type="datetime-local"
              className={fieldClass}
              value={toLocalInput(state.to)}
              onChange={(event) =>
                void setState({ to: event.target.value ? new Date(event.target.value) : null })
              }
            />
          </Field>
        </>
      )}
    </>
  );
}
