import { randomUUID } from 'node:crypto';

import {
  appendEventsIn,
  ensureEventPartitions,
  type PendingEvent,
  type TransactionScope,
} from '@opsledger/db';
import { platformEventToEnvelope, type RunStatus } from '@opsledger/domain';

import type { ServiceContext } from '../../context';

/** The system event module of each kind of run. */
export type RunModule = 'Backup' | 'Sync';

/** A run's creation or status transition, as its system event reports it. */
export interface RunEvent {
  module: RunModule;
  runId: string;
  /** `created` for the creation, otherwise the status the run entered. */
  change: 'created' | RunStatus;
  status: RunStatus;
  /** Extra facts for the event body (message, reason, counts); kept small. */
  facts?: Record<string, string | number | null | undefined>;
}

/** Event bodies stay small: long messages are cut, the run itself holds the full text. */
const MAX_FACT_LENGTH = 500;

const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function pendingRunEvent(event: RunEvent, occurredAt: string): PendingEvent {
  const facts = Object.fromEntries(
    Object.entries(event.facts ?? {})
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [
        key,
        typeof value === 'string' ? value.slice(0, MAX_FACT_LENGTH) : value,
      ]),
  );
  return {
    id: randomUUID(),
    stream: 'system',
    occurredAt,
    ...platformEventToEnvelope({
      type: 'system',
      module: event.module,
      name: `${event.module}${pascal(event.change)}`,
      instanceId: event.runId,
      detail: { body: JSON.stringify({ status: event.status, ...facts }) },
    }),
  };
}

/**
 * Runs a write to a backup or sync run and appends the system event it causes in the same
 * transaction, so a status change is never recorded without its event or the other way round.
 * `work` gets the transaction and the instant of the change (for updatedAt and the event) and
 * returns its result with the event to append, or null when nothing changed.
 */
export async function writeRunChange<T>(
  ctx: ServiceContext,
  work: (scope: TransactionScope, now: string) => Promise<{ result: T; event: RunEvent | null }>,
): Promise<T> {
  const now = new Date().toISOString();
  await ensureEventPartitions(ctx.database, [now]);
  return ctx.database.transaction(async (scope) => {
    const { result, event } = await work(scope, now);
    if (event) await appendEventsIn(scope.raw, ctx.caller.team.id, [pendingRunEvent(event, now)]);
    return result;
  });
}
