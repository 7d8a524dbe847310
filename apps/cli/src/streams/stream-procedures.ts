import type { OpsLedgerClient } from '@opsledger/client';
import type { StreamEntry } from '@opsledger/domain';

import { CliError } from '../cli-error';

type Fields = Record<string, unknown>;

/** What the import relies on of a stream's batch write. */
export interface BatchWrite {
  mutate(input: { items: Fields[] }): Promise<{ inserted: number; duplicates?: number }>;
}

/** What the export relies on of a stream's list query, by the answer its paging gives. */
export interface ListQuery<Answer> {
  query(input: Fields): Promise<Answer>;
}

/**
 * The client's procedure at a path the stream registry names. The registry's paths and input
 * schemas are checked against the router (packages/api/src/routers/stream-registry.test.ts) and
 * its answers against the client's types (stream-procedures.test.ts); what is sent passed the
 * registry's schemas, which are the procedures' own. So the one shape callers rely on stands in
 * for the client's exact type here, in one place.
 */
export function procedureAt<T>(client: OpsLedgerClient, entry: StreamEntry, procedure: string): T {
  const routers = client as unknown as Record<string, Record<string, T> | undefined>;
  const found = routers[entry.namespace]?.[procedure];
  if (found === undefined) throw new CliError(`${entry.namespace}.${procedure}: not in the API`);
  return found;
}
