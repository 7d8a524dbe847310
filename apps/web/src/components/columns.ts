import type { ReactNode } from 'react';

/**
 * A table column: its header and how a row's cell renders. The list pages only ever show rows
 * in the order the server sent them (keyset pages), so this is all a column needs; TanStack
 * Table's row models (sorting, grouping, pagination) would be ~10 kB of every list page's
 * first-load JavaScript doing nothing.
 */
export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
}

/** What a cell renderer is given: the accessor's value and the whole row. */
interface CellInfo<T, V> {
  getValue: () => V;
  row: { original: T };
}

interface ColumnOptions<T, V> {
  header: string;
  cell?: (info: CellInfo<T, V>) => ReactNode;
}

/** A value as a cell shows it by default: text and numbers as they are, nothing for null. */
const plain = (value: unknown): ReactNode => {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
};

function columnOf<T, V>(id: string, read: (row: T) => V, options: ColumnOptions<T, V>): Column<T> {
  const { header, cell } = options;
  return {
    id,
    header,
    cell: (row) => {
      const value = read(row);
      return cell ? cell({ getValue: () => value, row: { original: row } }) : plain(value);
    },
  };
}

/** Columns typed by the row, in the shape of TanStack Table's column helper the pages use. */
export function createColumnHelper<T>() {
  function accessor<K extends keyof T & string>(key: K, options: ColumnOptions<T, T[K]>): Column<T>;
  function accessor<V>(
    read: (row: T) => V,
    options: ColumnOptions<T, V> & { id: string },
  ): Column<T>;
  function accessor<V>(
    keyOrRead: (keyof T & string) | ((row: T) => V),
    options: ColumnOptions<T, V> & { id?: string },
  ): Column<T> {
    if (typeof keyOrRead === 'function') return columnOf(options.id ?? '', keyOrRead, options);
    return columnOf(options.id ?? keyOrRead, (row: T) => row[keyOrRead] as V, options);
  }
  return {
    accessor,
    /** A column that shows something made of the whole row rather than one value. */
    display: (options: {
      id: string;
      header: string;
      cell: (info: { row: { original: T } }) => ReactNode;
    }): Column<T> => ({
      id: options.id,
      header: options.header,
      cell: (row) => options.cell({ row: { original: row } }),
    }),
  };
}
