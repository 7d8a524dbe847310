export type RawQuery = <T extends Record<string, unknown>>(
  text: string,
  params?: unknown[],
) => Promise<T[]>;

/** COPY text whole, or in chunks of whole rows. */
export type CopyText = string | Iterable<string>;

/** Plain SQL access for the paths Drizzle's builder is too slow for (bulk ingest, locking). */
export interface RawTransaction {
  query: RawQuery;
  /**
   * Streams rows in COPY text format (see copyTextRow) into a table. Given chunks, each is sent
   * as soon as it is made: the database stores one while the next is produced.
   */
  copyIn(table: string, columns: readonly string[], text: CopyText): Promise<void>;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;

/** Fields of one COPY text-format row, without its newline: tab-separated, `\N` for null. */
export function copyTextFields(values: readonly (string | number | boolean | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += '\t';
    if (value === null || value === undefined) line += '\\N';
    else if (typeof value === 'string') {
      // Most values need no escape; testing first spares a string copy per field.
      line += NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (c) => ESCAPES[c] ?? c) : value;
    } else line += String(value);
  }
  return line;
}

/** One row of COPY text format. */
export const copyTextRow = (values: readonly (string | number | boolean | null)[]) =>
  `${copyTextFields(values)}\n`;

export const quoteColumns = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/**
 * The driver connection under a Drizzle transaction. Drizzle keeps it on `session.client`
 * (drizzle-orm 0.45, both drivers); the db tests exercise this, so an upgrade that moves it
 * fails loudly there.
 */
export function driverClientOf<T>(tx: unknown): T {
  const client = (tx as { session?: { client?: T } }).session?.client;
  if (!client) throw new Error('cannot reach the driver connection of a Drizzle transaction');
  return client;
}
