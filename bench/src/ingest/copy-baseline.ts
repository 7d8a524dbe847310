import {
  chainEvents,
  EVENT_COPY,
  prepareEvent,
  type Database,
  type PendingEvent,
} from '@opsledger/db';
import { GENESIS_HASH } from '@opsledger/domain';

/** A team's chain as the baseline extends it: the baseline's rows form a valid chain too. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const genesis = (): ChainHead => ({ seq: 0, hash: GENESIS_HASH });

/**
 * COPY text of events already placed in the team's chain, exactly as the API writes them.
 * Built before the clock starts: the baseline is the database's own ingest speed, with no work
 * in Node.
 */
export function hashedCopyText(
  teamId: string,
  head: ChainHead,
  events: readonly PendingEvent[],
): string {
  return chainEvents(
    teamId,
    head,
    events.map((event) => prepareEvent(teamId, event)),
  );
}

/** One raw COPY into the events table, in one transaction. */
export function copyEvents(database: Database, copyText: string): Promise<void> {
  return database.transaction(({ raw }) =>
    raw.copyIn(EVENT_COPY.table, EVENT_COPY.columns, copyText),
  );
}
