import { appendEvents, type PendingEvent } from '@opsledger/db';
import type { EnvelopeFields, RecordResult, Stream } from '@opsledger/domain';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../context';

/** What every stream input carries besides its own fields (the domain's WriteMeta). */
interface Recordable {
  occurredAt?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * The one write path of every event stream: a single record is a batch of one. Each input gets
 * an id and a time (its own, or when the API received the batch), becomes an envelope through
 * its stream's mapping, and joins the caller's team chain; a retried key returns the first id.
 */
export async function recordEvents<T extends Recordable>(
  ctx: ServiceContext,
  inputs: readonly T[],
  stream: Stream | ((input: T) => Stream),
  toEnvelope: (input: T) => EnvelopeFields,
): Promise<RecordResult> {
  const receivedAt = new Date().toISOString();
  const pending = inputs.map((input): PendingEvent => ({
    ...toEnvelope(input),
    id: randomUUID(),
    stream: typeof stream === 'function' ? stream(input) : stream,
    occurredAt: input.occurredAt ?? receivedAt,
    idempotencyKey: input.idempotencyKey,
  }));
  const result = await appendEvents(ctx.database, ctx.caller.team.id, pending);
  return { inserted: result.inserted, duplicates: result.duplicates, ids: result.ids };
}
