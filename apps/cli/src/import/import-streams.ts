import type { OpsLedgerClient, RouterInputs } from '@opsledger/client';
import {
  ActivityInput,
  AuditLogInput,
  PassportLogInput,
  PlatformEventInput,
  TrafficHitInput,
} from '@opsledger/domain';

export const IMPORT_STREAMS = [
  'audit',
  'activity',
  'passport',
  'user',
  'system',
  'traffic',
] as const;
export type ImportStreamName = (typeof IMPORT_STREAMS)[number];

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

const asIs = (item: Item) => item;

/** An event line may name its type; the stream name fills it in when it does not. */
const ofEventType = (type: 'user' | 'system') => (item: Item) => ({ type, ...item });

// Items reaching `write` passed the same domain schema the procedure parses with.
type BatchItems<T extends { items: unknown }> = T['items'];

/** A platform event of this stream's type; a line of the other type is an error on `type`. */
const eventOfType = (type: 'user' | 'system'): LineSchema => ({
  safeParse(value) {
    const result = PlatformEventInput.safeParse(value);
    if (!result.success || result.data.type === type) return result;
    const message = `is ${result.data.type}, but --stream is ${type}`;
    return { success: false, error: { issues: [{ path: ['type'], message }] } };
  },
});

const events = (type: 'user' | 'system'): ImportStream => ({
  schema: eventOfType(type),
  keyed: true,
  prepare: ofEventType(type),
  write: (client, items) =>
    client.events.recordBatch.mutate({
      items: items as BatchItems<RouterInputs['events']['recordBatch']>,
    }),
});

export const importStreams: Record<ImportStreamName, ImportStream> = {
  audit: {
    schema: AuditLogInput,
    keyed: true,
    prepare: asIs,
    write: (client, items) =>
      client.auditLogs.recordBatch.mutate({
        items: items as BatchItems<RouterInputs['auditLogs']['recordBatch']>,
      }),
  },
  activity: {
    schema: ActivityInput,
    keyed: true,
    prepare: asIs,
    write: (client, items) =>
      client.activities.recordBatch.mutate({
        items: items as BatchItems<RouterInputs['activities']['recordBatch']>,
      }),
  },
  passport: {
    schema: PassportLogInput,
    keyed: true,
    prepare: asIs,
    write: (client, items) =>
      client.passportLogs.recordBatch.mutate({
        items: items as BatchItems<RouterInputs['passportLogs']['recordBatch']>,
      }),
  },
  user: events('user'),
  system: events('system'),
  traffic: {
    schema: TrafficHitInput,
    keyed: false,
    prepare: asIs,
    write: async (client, items) => {
      const result = await client.traffic.ingest.mutate({
        items: items as BatchItems<RouterInputs['traffic']['ingest']>,
      });
      return { inserted: result.inserted, duplicates: 0 };
    },
  },
};
