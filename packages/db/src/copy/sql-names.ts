import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

import type { ColumnKey } from './copy-target';

export interface SqlNames<T extends Table> {
  table: string;
  /** Each column's name in the database, by its Drizzle key. */
  column: Record<ColumnKey<T>, string>;
}

/**
 * The names hand-written SQL uses for `table`, read from its Drizzle definition: SQL text that
 * the query builder cannot express still follows a rename.
 */
export function sqlNamesOf<T extends Table>(table: T): SqlNames<T> {
  const column: Record<string, string> = {};
  for (const [key, definition] of Object.entries(getTableColumns(table))) {
    column[key] = definition.name;
  }
  return { table: getTableName(table), column };
}
