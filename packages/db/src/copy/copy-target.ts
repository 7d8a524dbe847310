import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

/** A table's columns by their Drizzle key (`occurredAt`, not `occurred_at`). */
export type ColumnKey<T extends Table> = keyof T['_']['columns'] & string;

/**
 * Compiles only when `Listed` names every column of `T`: a column added to the table must be
 * given a place in the COPY, or said to be filled by the database. The property in the error
 * names the forgotten columns.
 */
type Covering<T extends Table, Listed extends string> = [Exclude<ColumnKey<T>, Listed>] extends [
  never,
]
  ? unknown
  : { missingColumns: Exclude<ColumnKey<T>, Listed> };

/** Where a COPY writes: the table's name and its columns in the order each row gives them. */
export interface CopyTarget {
  table: string;
  columns: readonly string[];
}

/**
 * The COPY target of `table`, with the column names read from the Drizzle table, so a renamed
 * column cannot leave a stale hand-written list behind. `order` is the order the row builder
 * writes fields in; `filledByDatabase` the columns COPY leaves to their defaults.
 */
export function copyTargetOf<
  T extends Table,
  const Order extends readonly ColumnKey<T>[],
  const Skipped extends readonly ColumnKey<T>[],
>(
  table: T,
  spec: { order: Order; filledByDatabase: Skipped } & Covering<T, Order[number] | Skipped[number]>,
): CopyTarget {
  const columns: Record<string, { name: string }> = getTableColumns(table);
  const listed = [...spec.order, ...spec.filledByDatabase];
  const twice = listed.find((key, index) => listed.indexOf(key) !== index);
  if (twice !== undefined) throw new Error(`${getTableName(table)}.${twice} is listed twice`);
  return {
    table: getTableName(table),
    columns: spec.order.map((key) => {
      const column = columns[key];
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
      return column.name;
    }),
  };
}
