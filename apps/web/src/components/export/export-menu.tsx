'use client';

import { Download } from 'lucide-react';
import { useParams } from 'next/navigation';

/** A list's filter input: the query string takes each value as text. */
type ExportFilter = Readonly<Record<string, string | number | boolean | undefined>>;

const FORMATS = [
  { format: 'csv', label: 'CSV (spreadsheets)' },
  { format: 'ndjson', label: 'NDJSON (one JSON record per line)' },
] as const;

/** `/api/export/<stream>?format=…&team=…&<filters>`: what the server parses with the list's schema. */
export function exportHref(
  stream: string,
  format: string,
  team: string,
  filter: ExportFilter,
): string {
  const params = new URLSearchParams({ format, team });
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    params.set(field, String(value));
  }
  return `/api/export/${encodeURIComponent(stream)}?${params.toString()}`;
}

/**
 * Download the filtered view as CSV or NDJSON: links to the streamed export with the page's
 * current filters (as the list's input names them), so what downloads is what the list shows,
 * every page of it.
 */
export function ExportMenu({
  stream,
  filter,
}: {
  stream: string;
  /** The list's input without its paging (`limit`, `cursor`). */
  filter: ExportFilter;
}) {
  const { team } = useParams<{ team: string }>();
  return (
    <details className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-600 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        <Download aria-hidden className="size-4" />
        Export
      </summary>
      <ul className="absolute right-0 z-10 mt-1 w-64 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {FORMATS.map(({ format, label }) => (
          <li key={format}>
            <a
              href={exportHref(stream, format, team, filter)}
              download
              className="block rounded px-3 py-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-800"
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
