import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';

import { exportCell } from '@opsledger/domain';

import { writeOut } from '../output/write-out';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RowWriter {
  /** Writes one page of rows (waiting while the reader is behind). */
  write(rows: readonly object[]): Promise<void>;
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
                columns.map((column) => exportCell((row as Record<string, unknown>)[column])),
              ),
            ),
          ),
  };
}
