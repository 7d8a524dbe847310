import { STREAM_REGISTRY } from './registry';
import type { KeyPlace, StreamEntry } from './stream-entry';

type Registry = typeof STREAM_REGISTRY;
export type StreamName = keyof Registry;

/** Every stream's name, in the registry's order (the order `--stream` lists its choices in). */
export const STREAM_NAMES = Object.keys(STREAM_REGISTRY) as StreamName[];

/** A stream's entry seen through the common shape, for code that treats all streams alike. */
export const streamEntry = (name: StreamName): StreamEntry => STREAM_REGISTRY[name];

export type ImportableStreamName = {
  [N in StreamName]: Registry[N] extends { batchWrite: object } ? N : never;
}[StreamName];

/** Streams that take batch writes, so their lines can be imported. */
export const IMPORTABLE_STREAMS = STREAM_NAMES.filter(
  (name): name is ImportableStreamName => streamEntry(name).batchWrite !== undefined,
);

export type ExportFlag = { [N in StreamName]: keyof Registry[N]['list']['flags'] }[StreamName];

/** Every export filter flag of any stream, each once, in the registry's order. */
export const EXPORT_FLAGS = [
  ...new Set(STREAM_NAMES.flatMap((name) => Object.keys(streamEntry(name).list.flags))),
] as ExportFlag[];

/** A CSV cell of an export: nested objects and lists as JSON, absent values empty. */
export function exportCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects returned above: only JSON scalars reach here
  return String(value);
}

/** The CSV columns of a stream's export: its record's fields, in the schema's order. */
export const exportColumns = (name: StreamName): readonly string[] =>
  Object.keys(streamEntry(name).record.shape);

/** Every keyed write by procedure path (`auditLogs.recordBatch`), with where its keys live. */
export const KEYED_WRITES: ReadonlyMap<string, KeyPlace> = new Map(
  STREAM_NAMES.flatMap((name) => {
    const entry = streamEntry(name);
    return Object.entries(entry.keyedWrites).map(
      ([procedure, place]) => [`${entry.namespace}.${procedure}`, place] as const,
    );
  }),
);
