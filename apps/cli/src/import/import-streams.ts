import type { OpsLedgerClient } from '@opsledger/client';
import { streamEntry, type ImportableStreamName, type StreamEntry } from '@opsledger/domain';

import { procedureAt, type BatchWrite } from '../streams/stream-procedures';

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** What the import needs of a domain input schema. */
interface LineSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

type Item = Record<string, unknown>;
type Written = { inserted: number; duplicates: number };

export interface ImportStream {
  schema: LineSchema;
  /** Whether items carry idempotency keys, so that importing a file twice is harmless. */
  keyed: boolean;
  /** Fills what the stream name implies (the event type), before validation. */
  prepare(item: Item): Item;
  /** Writes one validated batch in one call: all of it or, on error, none of it. */
  write(client: OpsLedgerClient, items: Item[]): Promise<Written>;
}

const isRecord = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The item schema, refusing a line that names a value the stream name implies otherwise (a
 * system event in `--stream user`): an error on that field.
 */
function impliedBy(name: ImportableStreamName, item: LineSchema, implied: [string, string][]) {
  return {
    safeParse(value: unknown) {
      const result = item.safeParse(value);
      if (!result.success || !isRecord(value)) return result;
      for (const [field, expected] of implied) {
        if (value[field] === expected) continue;
        const message = `is ${String(value[field])}, but --stream is ${name}`;
        return { success: false, error: { issues: [{ path: [field], message }] } };
      }
      return result;
    },
  } satisfies LineSchema;
}

/** How lines of a stream are checked and written, from its registry entry. */
export function importStream(name: ImportableStreamName): ImportStream {
  const entry: StreamEntry = streamEntry(name);
  const batchWrite = entry.batchWrite;
  if (!batchWrite) throw new Error(`${name} takes no batch writes`);
  const implied = Object.entries(entry.implied);
  return {
    schema: implied.length === 0 ? batchWrite.item : impliedBy(name, batchWrite.item, implied),
    keyed: batchWrite.procedure in entry.keyedWrites,
    // A line may name what the stream implies; the stream name fills it in when it does not.
    prepare: (item) => ({ ...entry.implied, ...item }),
    write: async (client, items) => {
      const written = await procedureAt<BatchWrite>(client, entry, batchWrite.procedure).mutate({
        items,
      });
      return { inserted: written.inserted, duplicates: written.duplicates ?? 0 };
    },
  };
}
