import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';

import { writeOut } from '../output/write-out';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RowWriter {
  /** Writes one page of rows (waiting while the reader is behind). */
  write(rows: readonly object[]): Promise<void>;
}

/** A CSV cell: nested objects and lists as JSON, absent values empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects returned above: only JSON scalars reach here
  return String(value);
}

export async function createRowWriter(
  format: ExportFormat,
  out: Writable,
  columns: readonly string[],
): Promise<RowWriter> {
  if (format === 'ndjson') {
    return {
      write: (rows) => writeOut(out, rows.map((row) => `${JSON.stringify(row)}\n`).join('')),
    };
  }
  // The header goes out first, so even an export of nothing says what its columns are.
  await writeOut(out, stringify([columns]));
  return {
    write: (rows) =>
      rows.length === 0
        ? Promise.resolve()
        : writeOut(
            out,
            stringify(
              rows.map((row) =>
                columns.map((column) => cell((row as Record<string, unknown>)[column])),
              ),
            ),
          ),
  };
}
