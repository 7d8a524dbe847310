import { stringify } from 'csv-stringify/sync';

import { exportCell } from '@opsledger/domain';

import type { ExportFormat } from './export-query';

type FetchPage = (cursor: string | null) => Promise<{ rows: object[]; next: string | null }>;

/** One page of rows as export text: CSV rows (quoted by csv-stringify) or one JSON per line. */
export function encodeRows(format: ExportFormat, columns: readonly string[], rows: object[]) {
  if (format === 'ndjson') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  if (rows.length === 0) return '';
  return stringify(
    rows.map((row) =>
      columns.map((column) => exportCell((row as Record<string, unknown>)[column])),
    ),
  );
}

/**
 * The download, pulled page by page: the next page is read only when the client has taken the
 * one before (highWaterMark 0), so a slow reader holds one page in memory, never the export.
 * The first page is read before the answer starts, so a refusal (a bad cursor, an outage) is
 * still a proper status; a failure after that ends the download early (it cannot change the
 * status any more), and the missing trailing rows show it.
 */
export async function exportBody(
  format: ExportFormat,
  columns: readonly string[],
  fetchPage: FetchPage,
  onError: (error: unknown) => void,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await fetchPage(null);
  const header = format === 'csv' ? stringify([columns]) : '';
  let pending: string | null = header + encodeRows(format, columns, first.rows);
  let cursor = first.next;
  return new ReadableStream<Uint8Array>(
    {
      // Each pull enqueues one chunk or ends the stream (a pull that enqueued nothing would
      // not be called again).
      async pull(controller) {
        try {
          let text = pending ?? '';
          pending = null;
          while (!text && cursor !== null) {
            const page = await fetchPage(cursor);
            cursor = page.next;
            text = encodeRows(format, columns, page.rows);
          }
          if (text) controller.enqueue(encoder.encode(text));
          if (cursor === null) controller.close();
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
    },
    { highWaterMark: 0 },
  );
}
