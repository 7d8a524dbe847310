import type { z } from 'zod';

/**
 * How a stream's records are paged for export: `cursor` lists answer `{ items, nextCursor }`,
 * `connection` lists answer `{ edges, pageInfo }` and take the filter as `filter`, `offset` lists
 * answer `{ <rows>, paging }` and are read oldest first.
 */
type StreamPaging =
  { kind: 'cursor' } | { kind: 'connection' } | { kind: 'offset'; rows: 'items' | 'list' };

/** Where a keyed write's idempotency key lives: on its input, or on each of `input.items`. */
export type KeyPlace = 'input' | 'items';

interface StreamListing {
  /** The query under the stream's namespace that pages every record, for export. */
  procedure: string;
  paging: StreamPaging;
  /** Sent with every page besides the filter: the event type, a stable sort. */
  fixed: Readonly<Record<string, string>>;
  /** The list's filter, fields as the API names them. */
  filter: z.ZodType;
  /** Export flag (commander's option name) -> the filter field it sets. */
  flags: Readonly<Record<string, string>>;
}

export interface StreamEntry {
  /** The API namespace (`appRouter` key) that serves the stream. */
  namespace: string;
  /** A record as the API answers it; its fields, in order, are the export's CSV columns. */
  record: z.ZodObject;
  /** The batch write that imports lines (`{ items }`), and the schema of one item. */
  batchWrite?: { procedure: string; item: z.ZodType };
  /** Writes deduplicated by `idempotencyKey`, by procedure: safe to repeat with the same keys. */
  keyedWrites: Readonly<Record<string, KeyPlace>>;
  /** Fields the stream's name implies (an event's `type`), filled in on import when absent. */
  implied: Readonly<Record<string, string>>;
  list: StreamListing;
}
