import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes and waits while the reader is behind, so a large export never piles up in memory. */
export async function writeOut(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export const printJson = (stream: Writable, value: unknown) =>
  writeOut(stream, `${JSON.stringify(value)}\n`);

/** Rows as aligned columns with a header, for people; `--json` is the form for programs. */
export function printTable(
  stream: Writable,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): Promise<void> {
  const cells = [columns, ...rows.map((row) => row.map((cell) => cell ?? '-'))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const lines = cells.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  return writeOut(stream, `${lines.join('\n')}\n`);
}
