import { randomUUID } from 'node:crypto';

import {
  appendEvents,
  EventPartitionLimitError,
  IdempotencyConflictError,
  type PendingEvent,
} from '@opsledger/db';
import type { EnvelopeFields, RecordResult, Stream } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { conflict, invalidField } from '../../errors';
import { checkWriterTime, writeLimitsOf } from '../write-limits';

/** What every stream input carries besides its own fields (the domain's WriteMeta). */
export interface Recordable {
  occurredAt?: string | undefined;
  idempotencyKey?: string | undefined;
}

/** A record call's input or a batch call's: errors name fields as the caller sent them. */
export type Submitted<T> = { item: T } | { items: readonly T[] };

const inputsOf = <T>(submitted: Submitted<T>) =>
  'items' in submitted ? submitted.items : [submitted.item];

const fieldOf = (submitted: Submitted<unknown>, index: number, field: string) =>
  'items' in submitted ? `items.${index}.${field}` : field;

/**
 * The one write path of every event stream. Each input gets an id and a time (its own, within
 * the write bounds, or when the API received it), becomes an envelope through its stream's
 * mapping, and joins the caller's team chain. A retried key returns the first id; a key sent
 * again with other content is a 409 naming the key (nothing of the request is written).
 */
export async function recordEvents<T extends Recordable>(
  ctx: ServiceContext,
  submitted: Submitted<T>,
  stream: Stream | ((input: T) => Stream),
  toEnvelope: (input: T) => EnvelopeFields,
): Promise<RecordResult> {
  const limits = writeLimitsOf(ctx.database);
  const now = Date.now();
  const receivedAt = new Date(now).toISOString();
  const pending = inputsOf(submitted).map((input, index): PendingEvent => {
    if (input.occurredAt !== undefined) {
      checkWriterTime(limits, fieldOf(submitted, index, 'occurredAt'), input.occurredAt, now);
    }
    return {
      ...toEnvelope(input),
      id: randomUUID(),
      stream: typeof stream === 'function' ? stream(input) : stream,
      occurredAt: input.occurredAt ?? receivedAt,
      idempotencyKey: input.idempotencyKey,
      timeGiven: input.occurredAt !== undefined,
    };
  });
  try {
    const result = await appendEvents(ctx.database, ctx.caller.team.id, pending, {
      maxNewPartitions: limits.maxNewMonthsPerRequest,
    });
    return { inserted: result.inserted, duplicates: result.duplicates, ids: result.ids };
  } catch (error) {
    if (error instanceof IdempotencyConflictError) {
      throw conflict(
        `idempotencyKey "${error.key}" was already used for an event with different content: ` +
          'send the same content to retry, or use a new key for a new event',
      );
    }
    if (!(error instanceof EventPartitionLimitError)) throw error;
    throw invalidField(
      'items' in submitted ? 'items' : 'occurredAt',
      `spans ${error.missingMonths} months not yet stored, more than the ${error.limit} one ` +
        'request may add: split it into batches of fewer months',
    );
  }
}
